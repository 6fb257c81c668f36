package com.smarttoaster.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smarttoaster.taste.RatingDesk;
import com.smarttoaster.taste.RatingInvitation;
import com.smarttoaster.taste.TasteEntry;
import com.smarttoaster.toast.BreadType;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The rating part of the state: whether a rating is invited (and the one given so far), and the
 * taste. Only what changes when someone acts, so a new value is worth publishing at once; the
 * window's remaining time is left out (it would change every second).
 *
 * @param ratingInvited the last cycle may be rated now
 * @param rating the last cycle's rating while it may be changed, else null
 * @param tasteOffset the taste's shade offset for the selected bread type (−1, 0 or +1)
 * @param taste every bread type's non-zero offset, by id
 */
record RatingsView(
    boolean ratingInvited, @Nullable String rating, int tasteOffset, Map<String, Integer> taste) {
  static final RatingsView NONE = new RatingsView(false, null, 0, Map.of());

  static RatingsView of(@Nullable RatingDesk desk, BreadType selected) {
    if (desk == null) {
      return NONE;
    }
    Optional<RatingInvitation> i = desk.invitation();
    Map<String, Integer> taste = new TreeMap<>();
    for (Map.Entry<BreadType, TasteEntry> e : desk.taste().all().entrySet()) {
      if (e.getValue().offset() != 0) {
        taste.put(e.getKey().id(), e.getValue().offset());
      }
    }
    return new RatingsView(
        i.isPresent(),
        i.map(RatingInvitation::rating).map(r -> r.id()).orElse(null),
        desk.taste().entry(selected).offset(),
        Map.copyOf(taste));
  }

  void addTo(ObjectNode n) {
    n.put("ratingInvited", ratingInvited);
    n.put("rating", rating);
    n.put("tasteOffset", tasteOffset);
    ObjectNode t = n.putObject("taste");
    new TreeMap<>(taste).forEach(t::put);
  }
}

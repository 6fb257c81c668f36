package com.smarttoaster.taste;

import com.smarttoaster.history.Rating;
import com.smarttoaster.toast.BreadType;
import org.jspecify.annotations.Nullable;

/**
 * An open rating window: the finished cycle a rating would go to.
 *
 * @param bread the cycle's bread type (its taste entry learns from the rating)
 * @param remainingS time left to rate or change the rating, s
 * @param rating the rating given so far, or null
 */
public record RatingInvitation(BreadType bread, double remainingS, @Nullable Rating rating) {}

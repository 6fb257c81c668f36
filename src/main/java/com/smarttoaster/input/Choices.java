package com.smarttoaster.input;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The allowed values of an enum-valued field, keyed by the id used in files, in declaration order.
 */
public final class Choices {
  private Choices() {}

  public static <E extends Enum<E>> Map<String, E> byId(E[] values, Function<E, String> id) {
    Map<String, E> m = new LinkedHashMap<>();
    for (E e : values) {
      m.put(id.apply(e), e);
    }
    return m;
  }
}

package com.smarttoaster.safety.fakes;

import com.smarttoaster.safety.SafetyLimits;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies a {@link SafetyLimits} with some components changed, by name, so a test says only what it
 * changes: {@code SafetyLimitsBuilder.defaults().set("leaseS", 60.0).build()}. An unknown name
 * fails at once.
 */
public final class SafetyLimitsBuilder {
  private final Map<String, Object> values = new LinkedHashMap<>();

  private SafetyLimitsBuilder(SafetyLimits from) {
    for (RecordComponent component : SafetyLimits.class.getRecordComponents()) {
      try {
        values.put(component.getName(), component.getAccessor().invoke(from));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public static SafetyLimitsBuilder from(SafetyLimits limits) {
    return new SafetyLimitsBuilder(limits);
  }

  public static SafetyLimitsBuilder defaults() {
    return from(SafetyLimits.defaults());
  }

  /** Sets component {@code name}; ints and booleans as such, everything else as a double. */
  public SafetyLimitsBuilder set(String name, Object value) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException("SafetyLimits has no component '" + name + "'");
    }
    Object old = values.get(name);
    values.put(name, old instanceof Double ? ((Number) value).doubleValue() : value);
    return this;
  }

  public SafetyLimits build() {
    Class<?>[] types =
        Arrays.stream(SafetyLimits.class.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
    try {
      Constructor<SafetyLimits> canonical = SafetyLimits.class.getDeclaredConstructor(types);
      return canonical.newInstance(values.values().toArray());
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}

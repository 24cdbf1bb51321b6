package dev.berth.conformance.suite.support;

import dev.berth.conformance.suite.Capability;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The check (or every check of the class) depends on a {@link Capability}: it runs only when the
 * registry was declared with it ({@code present = true}) or without it ({@code present = false}),
 * and is skipped with the capability's reason otherwise.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(Requires.All.class)
public @interface Requires {

    Capability value();

    boolean present() default true;

    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @interface All {
        Requires[] value();
    }
}

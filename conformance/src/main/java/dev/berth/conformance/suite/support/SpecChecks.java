package dev.berth.conformance.suite.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** Marks a class of conformance checks: it gets the suite's parameters and capability conditions. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({SuiteParameters.class, CapabilityCondition.class})
public @interface SpecChecks {}

package dev.berth.registry.config;

/**
 * Marks a record that is a section of the configuration (its components are settings or further
 * sections), as opposed to a value. {@link Settings} walks these records to list every setting.
 */
interface ConfigSection {}

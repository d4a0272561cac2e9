package dev.bluegreen.plan;

import java.time.Duration;

/** One undo run during a rollback: {@code succeeded}, {@code failed} or {@code skipped}. */
public record UndoRecord(String stepId, String description, String status, Duration duration, String detail) {}

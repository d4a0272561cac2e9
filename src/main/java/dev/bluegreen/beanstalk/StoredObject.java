package dev.bluegreen.beanstalk;

import java.util.Map;

/** An S3 object's size and user metadata. */
public record StoredObject(long size, Map<String, String> metadata) {}

package dev.bluegreen.deploy;

import java.nio.file.Path;

/**
 * The version to deploy as {@code resolve-version} found it.
 *
 * @param exists the label is already an application version (with the same bundle, when one was
 *     given)
 * @param bundle the zip to upload; null when nothing is uploaded
 * @param sha256 the bundle's checksum, stored with the version to recognise it on re-runs
 */
public record VersionSource(
    String label, boolean exists, Path bundle, String sha256, String bucket, String key) {}

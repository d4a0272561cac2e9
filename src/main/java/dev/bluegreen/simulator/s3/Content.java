package dev.bluegreen.simulator.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An object's bytes: in memory (what came in one PutObject, such as the seeded bundles), or in a
 * file the simulator owns (what came in parts, which may be gigabytes: the simulator then holds no
 * more than the part being received).
 */
public final class Content {

  private final byte[] bytes;
  private final Path file;
  private final long size;

  private Content(byte[] bytes, Path file, long size) {
    this.bytes = bytes;
    this.file = file;
    this.size = size;
  }

  static Content of(byte[] bytes) {
    return new Content(bytes, null, bytes.length);
  }

  static Content inFile(Path file, long size) {
    return new Content(null, file, size);
  }

  public long size() {
    return size;
  }

  /** The file that holds the bytes, when they are in one. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** All the bytes in memory: for small objects (tests, bundles read whole). */
  public byte[] bytes() {
    if (bytes != null) {
      return bytes;
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(size + " bytes do not fit in an array");
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public InputStream open() throws IOException {
    return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
  }

  /** Writes {@code length} bytes from {@code first} on, without holding them all. */
  void writeTo(OutputStream out, long first, long length) throws IOException {
    if (bytes != null) {
      out.write(bytes, (int) first, (int) length);
      return;
    }
    try (FileChannel channel = FileChannel.open(file)) {
      long done = 0;
      while (done < length) {
        long n = channel.transferTo(first + done, length - done, Channels.newChannel(out));
        if (n <= 0) {
          throw new IOException(file + " ended at " + (first + done) + " of " + size + " bytes");
        }
        done += n;
      }
    }
  }

  /** Removes the file, if the bytes are in one. */
  void delete() {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A temporary file of the simulator's; its directory goes when the simulator closes.
      }
    }
  }
}

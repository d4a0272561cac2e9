package dev.bluegreen.simulator.s3;

/** CRC-64/NVME (reflected polynomial 0x9a6c9329ac4bc9b5), one of the checksums S3 accepts. */
final class Crc64Nvme {
  private static final long[] TABLE = new long[256];

  static {
    long poly = 0x9a6c9329ac4bc9b5L;
    for (int i = 0; i < 256; i++) {
      long crc = i;
      for (int j = 0; j < 8; j++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ poly : crc >>> 1;
      }
      TABLE[i] = crc;
    }
  }

  private Crc64Nvme() {}

  static byte[] checksum(byte[] data) {
    long crc = ~0L;
    for (byte b : data) {
      crc = TABLE[(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
    }
    crc = ~crc;
    byte[] out = new byte[8];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (crc >>> (56 - 8 * i));
    }
    return out;
  }
}

package ipc.demo;

/** Small grayscale image operations on {@code width * height} bytes, row-major, 0 = black, 255 = white. */
final class Images {

    private static final String SHADES = " .:-=+*#%@";
    private static final int MAX = 255;

    private Images() {}

    /** A test card: a bright ring on a diagonal gradient. */
    static byte[] testCard(int width, int height) {
        byte[] pixels = new byte[width * height];
        double cx = width / 2.0;
        double cy = height / 2.0;
        double radius = Math.min(width, height) * 0.35;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double gradient = (x + y) * 0.5 * MAX / (width + height) * 2 * 0.4;
                double distance = Math.hypot((x - cx) / 2, y - cy);
                double ring = Math.max(0, 1 - Math.abs(distance - radius / 2) / 4) * MAX;
                pixels[y * width + x] = (byte) Math.min(MAX, (int) (gradient + ring));
            }
        }
        return pixels;
    }

    /** Every pixel inverted. */
    static byte[] invert(byte[] pixels) {
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (byte) (MAX - (pixels[i] & MAX));
        }
        return out;
    }

    /** The Sobel edge magnitude: bright where the image changes. */
    static byte[] edges(byte[] pixels, int width, int height) {
        byte[] out = new byte[pixels.length];
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int gx = at(pixels, width, x + 1, y - 1) + 2 * at(pixels, width, x + 1, y) + at(pixels, width, x + 1, y + 1)
                        - at(pixels, width, x - 1, y - 1) - 2 * at(pixels, width, x - 1, y) - at(pixels, width, x - 1, y + 1);
                int gy = at(pixels, width, x - 1, y + 1) + 2 * at(pixels, width, x, y + 1) + at(pixels, width, x + 1, y + 1)
                        - at(pixels, width, x - 1, y - 1) - 2 * at(pixels, width, x, y - 1) - at(pixels, width, x + 1, y - 1);
                out[y * width + x] = (byte) Math.min(MAX, (int) Math.hypot(gx, gy));
            }
        }
        return out;
    }

    private static int at(byte[] pixels, int width, int x, int y) {
        return pixels[y * width + x] & MAX;
    }

    /** The image as text, {@code columns} by {@code rows} characters, each the average of the pixels it covers. */
    static String ascii(byte[] pixels, int width, int height, int columns, int rows) {
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < rows; row++) {
            text.append("    ");
            for (int column = 0; column < columns; column++) {
                long sum = 0;
                int count = 0;
                for (int y = row * height / rows; y < (row + 1) * height / rows; y++) {
                    for (int x = column * width / columns; x < (column + 1) * width / columns; x++) {
                        sum += pixels[y * width + x] & MAX;
                        count++;
                    }
                }
                int shade = (int) (sum / Math.max(1, count)) * (SHADES.length() - 1) / MAX;
                text.append(SHADES.charAt(shade));
            }
            text.append('\n');
        }
        return text.toString();
    }
}

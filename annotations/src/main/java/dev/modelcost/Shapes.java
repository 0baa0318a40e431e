package dev.modelcost;

/** Formatting of shapes, shared by the runtime types. */
final class Shapes {
    private Shapes() {
    }

    /** {@code {3, 224, 224}} as {@code "3x224x224"}. */
    static String format(int[] shape) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                text.append('x');
            }
            text.append(shape[i]);
        }
        return text.toString();
    }
}

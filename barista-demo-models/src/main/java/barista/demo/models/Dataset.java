package barista.demo.models;

import java.util.List;

/**
 * A labelled table in memory: one row of features per example and its class index into
 * {@code classNames}. Arrays are shared, not copied: callers inside the package treat them as
 * read-only, and the public API hands out copies.
 */
record Dataset(String name, float[][] features, int[] labels, List<String> classNames) {
    Dataset {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(name + ": " + features.length + " rows but " + labels.length + " labels");
        }
        classNames = List.copyOf(classNames);
    }

    int rows() {
        return features.length;
    }

    int width() {
        return features[0].length;
    }

    /** The rows at {@code indices}, in that order (sharing the row arrays). */
    Dataset select(int[] indices) {
        float[][] x = new float[indices.length][];
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            x[i] = features[indices[i]];
            y[i] = labels[indices[i]];
        }
        return new Dataset(name, x, y, classNames);
    }
}

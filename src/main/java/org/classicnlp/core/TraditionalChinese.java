package org.classicnlp.core;

/**
 * Traditional → Simplified Chinese, character for character, so a conversion keeps the text's length
 * and every offset. Built once from the conversion tables in the HanLP jar we already ship.
 */
public final class TraditionalChinese {

    private TraditionalChinese() {
    }

    /** The Simplified form of {@code c}, or {@code c} when it has none (or is no Han character). */
    public static char toSimplified(char c) {
        // Placeholder identity until the table lands (filled from HanLP's t2s tables).
        return c;
    }
}

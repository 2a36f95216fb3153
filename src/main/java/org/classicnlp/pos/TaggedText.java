package org.classicnlp.pos;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code word/TAG} line format of the {@code tag} and {@code score-tags} commands: tokens separated by
 * white space, each split at its last {@code /}. People's Daily lines read the same way: a leading paragraph
 * id ({@code 19980101-01-001-001/m}) is skipped and a bracketed compound {@code [中央/n 人民/n]nt} is read as
 * its inner words (the {@code [} and {@code ]nt} dropped).
 */
public final class TaggedText {

    private static final java.util.regex.Pattern PD98_ID = java.util.regex.Pattern.compile("\\d{8}-\\d{2}-\\d{3}-\\d{3}/m");

    private TaggedText() {
    }

    /** Words and tags of one line. */
    public record Line(List<String> words, List<String> tags) {
    }

    /**
     * Parses one line.
     *
     * @throws IllegalArgumentException naming the token that is not {@code word/TAG}
     */
    public static Line parse(String line) {
        List<String> words = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int n = line.length();
        int i = 0;
        boolean first = true;
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i)) || i < n && line.charAt(i) == '\u3000') {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '\u3000') {
                i++;
            }
            if (start == i) {
                break;
            }
            String tok = line.substring(start, i);
            if (first && PD98_ID.matcher(tok).matches()) {
                first = false;
                continue;
            }
            first = false;
            if (tok.length() > 2 && tok.charAt(0) == '[' && tok.indexOf('/') > 1) {
                tok = tok.substring(1);
            }
            int close = tok.lastIndexOf(']');
            int slash = tok.lastIndexOf('/');
            if (close > 0 && close > slash && slash > 0) {
                tok = tok.substring(0, close);
                slash = tok.lastIndexOf('/');
            }
            if (slash <= 0 || slash == tok.length() - 1) {
                throw new IllegalArgumentException("expected word/TAG, found '" + tok + "' (token " + (words.size() + 1)
                        + ")");
            }
            words.add(tok.substring(0, slash));
            tags.add(tok.substring(slash + 1));
        }
        return new Line(words, tags);
    }

    /** {@code word/TAG} tokens separated by single spaces. */
    public static String format(List<String> words, List<String> tags) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(words.get(i)).append('/').append(tags.get(i));
        }
        return sb.toString();
    }
}

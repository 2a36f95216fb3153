package org.classicnlp.spark;

import java.util.List;
import org.classicnlp.core.ShortestDouble;
import org.classicnlp.core.Hit;

/**
 * One line of {@code keywords --format jsonl}: {@code {"id":ID,"keywords":[{"term":T,"weight":W},...]}}, strings
 * escaped and numbers written exactly as the CLI writes them (shortest exact decimal, {@link ShortestDouble}).
 */
final class KeywordsJsonl {

    private KeywordsJsonl() {
    }

    static String line(String id, List<Hit> keywords) {
        StringBuilder sb = new StringBuilder(64 + 32 * keywords.size());
        sb.append("{\"id\":");
        string(sb, id);
        sb.append(",\"keywords\":[");
        for (int k = 0; k < keywords.size(); k++) {
            if (k > 0) {
                sb.append(',');
            }
            sb.append("{\"term\":");
            string(sb, keywords.get(k).id());
            sb.append(",\"weight\":");
            ShortestDouble.append(sb, keywords.get(k).score());
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    /** The CLI's JSON string: quotes, backslash, \n, \r, \t escaped, other control characters as \\u00XX, the rest as is. */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}

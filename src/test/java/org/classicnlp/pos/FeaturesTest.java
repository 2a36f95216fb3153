package org.classicnlp.pos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The character templates of Han words: what they see, and that other words never get them. */
class FeaturesTest {

    @Test
    void repetitionNamesTheReduplicationPattern() {
        assertEquals(0, Features.repetition("中国"));
        assertEquals(0, Features.repetition("看"));
        assertEquals(0, Features.repetition("中华人民共和国"));   // longer than 6 chars: no pattern
        assertNotEquals(0, Features.repetition("看看"));
        assertEquals(Features.repetition("看看"), Features.repetition("想想"));
        assertEquals(Features.repetition("高高兴兴"), Features.repetition("干干净净"));   // AABB
        assertEquals(Features.repetition("研究研究"), Features.repetition("讨论讨论"));   // ABAB
        assertEquals(Features.repetition("绿油油"), Features.repetition("红彤彤"));       // ABB
        assertNotEquals(Features.repetition("高高兴兴"), Features.repetition("研究研究"));
        assertNotEquals(Features.repetition("绿油油"), Features.repetition("看一看"));    // ABB vs ABA
    }

    @Test
    void hanShapeSeparatesNumeralsAndTimeUnits() {
        assertEquals(0, Features.hanShape("北京"));
        assertEquals(0, Features.hanShape("word"));
        assertNotEquals(0, Features.hanShape("三千"));
        assertEquals(Features.hanShape("一九九八年"), Features.hanShape("二〇〇一年"));
        assertEquals(Features.hanShape("１９９８年"), Features.hanShape("1998年"));   // width folded
        assertNotEquals(Features.hanShape("1998年"), Features.hanShape("一九九八年"));
        assertNotEquals(Features.hanShape("三千"), Features.hanShape("三月"));
        assertNotEquals(Features.hanShape("三月"), Features.hanShape("三人"));
    }

    @Test
    void hanTemplatesFireOnlyOnHanWords() {
        String[] english = {"The", "cats", "sat", "on", "1998", "mats", "."};
        long[] out = new long[english.length * Features.STRIDE];
        Features.words(english, Map.of(), out);
        for (int i = 0; i < english.length; i++) {
            for (int k = Features.HAN_FROM; k < Features.STATIC; k++) {
                assertEquals(0, out[i * Features.STRIDE + k], english[i] + " slot " + k);
            }
        }
        String[] chinese = {"他们", "高高兴兴", "地", "度过", "了", "一九九八年"};
        out = new long[chinese.length * Features.STRIDE];
        Features.words(chinese, Map.of(), out);
        for (int i = 0; i < chinese.length; i++) {
            int fired = 0;
            for (int k = Features.HAN_FROM; k < Features.STATIC; k++) {
                fired += out[i * Features.STRIDE + k] != 0 ? 1 : 0;
            }
            assertTrue(fired > 0, chinese[i] + ": no Han template fired");
        }
    }

    @Test
    void theCharsOfAShortWordAreABagWhateverTheirPosition() {
        // the bag-of-characters template gives 高 the same feature in 高兴 (first) and 提高 (last)
        long[] a = new long[2 * Features.STRIDE];
        long[] b = new long[2 * Features.STRIDE];
        Features.words(new String[] {"高兴", "提高"}, Map.of(), a);
        System.arraycopy(a, Features.STRIDE, b, 0, Features.STRIDE);
        boolean shared = false;
        for (int k = Features.HAN_FROM; k < Features.STATIC; k++) {
            for (int j = Features.HAN_FROM; j < Features.STATIC; j++) {
                shared |= a[k] != 0 && a[k] == b[j];
            }
        }
        assertTrue(shared, "no shared character feature between 高兴 and 提高");
    }
}

package org.classicnlp.core;

import java.math.BigInteger;

/**
 * Formats a {@code double} as its shortest exact decimal: the fewest significant digits that parse back
 * to the same {@code double} ({@link Double#parseDouble}), and among those the one closest to the value.
 * The layout is Python's {@code repr(float)}: fixed notation for decimal exponents in [-4, 16)
 * ({@code 0.0001}, {@code 12.5}, {@code 3.0}), otherwise scientific with a signed two-digit exponent
 * ({@code 1e-05}, {@code 2.5e+16}). Output written by ClassicNLP therefore matches what Python prints for
 * the same value, byte for byte.
 *
 * <p>Why not {@link Double#toString(double)}: before JDK 19 it sometimes prints one digit more than needed
 * (JDK-4511638), so its output is neither shortest nor the same across JDK versions. The digits here come
 * from Ulf Adams' Ryū algorithm ("Ryū: fast float-to-string conversion", PLDI 2018), re-implemented from
 * the paper's description with 128-bit tables computed at class initialisation; the test compares it
 * with Python's {@code repr} on thousands of values.
 */
public final class ShortestDouble {

    private static final int POW5_INV_BITCOUNT = 125;
    private static final int POW5_BITCOUNT = 125;
    private static final int POW5_INV_TABLE_SIZE = 342;
    private static final int POW5_TABLE_SIZE = 326;
    /** [i][0] low 64 bits, [i][1] high bits of ceil(2^(bitlen(5^i)-1+125) / 5^i). */
    private static final long[][] POW5_INV_SPLIT = new long[POW5_INV_TABLE_SIZE][2];
    /** [i][0] low 64 bits, [i][1] high bits of the top 125 bits of 5^i. */
    private static final long[][] POW5_SPLIT = new long[POW5_TABLE_SIZE][2];
    private static final BigInteger MASK64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    static {
        BigInteger pow = BigInteger.ONE;
        BigInteger five = BigInteger.valueOf(5);
        for (int i = 0; i < Math.max(POW5_INV_TABLE_SIZE, POW5_TABLE_SIZE); i++) {
            int len = pow.bitLength();
            if (i < POW5_TABLE_SIZE) {
                BigInteger top = pow.shiftRight(len - POW5_BITCOUNT);
                POW5_SPLIT[i][0] = top.and(MASK64).longValue();
                POW5_SPLIT[i][1] = top.shiftRight(64).longValue();
            }
            if (i < POW5_INV_TABLE_SIZE) {
                BigInteger inv = BigInteger.ONE.shiftLeft(len - 1 + POW5_INV_BITCOUNT).divide(pow).add(BigInteger.ONE);
                POW5_INV_SPLIT[i][0] = inv.and(MASK64).longValue();
                POW5_INV_SPLIT[i][1] = inv.shiftRight(64).longValue();
            }
            pow = pow.multiply(five);
        }
    }

    private ShortestDouble() {
    }

    /** The shortest exact decimal of {@code value} in Python {@code repr} layout. */
    public static String toString(double value) {
        byte[] buf = new byte[32];
        int n = write(value, buf, 0);
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Appends the shortest exact decimal to a {@link StringBuilder}. */
    public static StringBuilder append(StringBuilder sb, double value) {
        byte[] buf = new byte[32];
        int n = write(value, buf, 0);
        for (int i = 0; i < n; i++) {
            sb.append((char) buf[i]);
        }
        return sb;
    }

    /**
     * Writes the ASCII form of {@code value} into {@code buf} at {@code pos} and returns the new position;
     * at most 24 bytes are written.
     */
    public static int write(double value, byte[] buf, int pos) {
        long bits = Double.doubleToRawLongBits(value);
        boolean negative = bits < 0;
        int ieeeExponent = (int) ((bits >>> 52) & 0x7ff);
        long ieeeMantissa = bits & ((1L << 52) - 1);
        if (ieeeExponent == 0x7ff) {
            return putAscii(buf, pos, ieeeMantissa != 0 ? "nan" : negative ? "-inf" : "inf");
        }
        if (negative) {
            buf[pos++] = '-';
        }
        if (ieeeExponent == 0 && ieeeMantissa == 0) {
            return putAscii(buf, pos, "0.0");
        }
        // --- Ryū: shortest digits (output) and decimal exponent (exp10), value = output * 10^exp10 ---
        int e2;
        long m2;
        if (ieeeExponent == 0) {
            e2 = 1 - 1023 - 52 - 2;
            m2 = ieeeMantissa;
        } else {
            e2 = ieeeExponent - 1023 - 52 - 2;
            m2 = (1L << 52) | ieeeMantissa;
        }
        boolean even = (m2 & 1) == 0;
        boolean acceptBounds = even;
        long mv = 4 * m2;
        int mmShift = (ieeeMantissa != 0 || ieeeExponent <= 1) ? 1 : 0;
        long vr;
        long vp;
        long vm;
        int e10;
        boolean vmIsTrailingZeros = false;
        boolean vrIsTrailingZeros = false;
        if (e2 >= 0) {
            int q = log10Pow2(e2) - (e2 > 3 ? 1 : 0);
            e10 = q;
            int k = POW5_INV_BITCOUNT + pow5bits(q) - 1;
            int i = -e2 + q + k;
            long[] mul = POW5_INV_SPLIT[q];
            vr = mulShift(4 * m2, mul, i);
            vp = mulShift(4 * m2 + 2, mul, i);
            vm = mulShift(4 * m2 - 1 - mmShift, mul, i);
            if (q <= 21) {
                if (mv % 5 == 0) {
                    vrIsTrailingZeros = multipleOfPowerOf5(mv, q);
                } else if (acceptBounds) {
                    vmIsTrailingZeros = multipleOfPowerOf5(mv - 1 - mmShift, q);
                } else {
                    vp -= multipleOfPowerOf5(mv + 2, q) ? 1 : 0;
                }
            }
        } else {
            int q = log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
            e10 = q + e2;
            int i = -e2 - q;
            int k = pow5bits(i) - POW5_BITCOUNT;
            int j = q - k;
            long[] mul = POW5_SPLIT[i];
            vr = mulShift(4 * m2, mul, j);
            vp = mulShift(4 * m2 + 2, mul, j);
            vm = mulShift(4 * m2 - 1 - mmShift, mul, j);
            if (q <= 1) {
                vrIsTrailingZeros = true;
                if (acceptBounds) {
                    vmIsTrailingZeros = mmShift == 1;
                } else {
                    --vp;
                }
            } else if (q < 63) {
                vrIsTrailingZeros = (mv & ((1L << q) - 1)) == 0;
            }
        }
        int removed = 0;
        int lastRemovedDigit = 0;
        long output;
        if (vmIsTrailingZeros || vrIsTrailingZeros) {
            while (vp / 10 > vm / 10) {
                vmIsTrailingZeros &= vm % 10 == 0;
                vrIsTrailingZeros &= lastRemovedDigit == 0;
                lastRemovedDigit = (int) (vr % 10);
                vr /= 10;
                vp /= 10;
                vm /= 10;
                removed++;
            }
            if (vmIsTrailingZeros) {
                while (vm % 10 == 0) {
                    vrIsTrailingZeros &= lastRemovedDigit == 0;
                    lastRemovedDigit = (int) (vr % 10);
                    vr /= 10;
                    vp /= 10;
                    vm /= 10;
                    removed++;
                }
            }
            if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0) {
                lastRemovedDigit = 4; // exactly halfway: round to even
            }
            output = vr + (((vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5) ? 1 : 0);
        } else {
            boolean roundUp = false;
            if (vp / 100 > vm / 100) {
                roundUp = vr % 100 >= 50;
                vr /= 100;
                vp /= 100;
                vm /= 100;
                removed += 2;
            }
            while (vp / 10 > vm / 10) {
                roundUp = vr % 10 >= 5;
                vr /= 10;
                vp /= 10;
                vm /= 10;
                removed++;
            }
            output = vr + ((vr == vm || roundUp) ? 1 : 0);
        }
        int exp10 = e10 + removed;
        // --- layout as Python repr ---
        int digits = decimalLength(output);
        int decpt = exp10 + digits; // value = 0.DIGITS * 10^decpt
        if (decpt <= -4 || decpt > 16) {
            // d.ddde±XX: write the digits at pos+1.., then move the first one before the point
            writeDigits(output, buf, pos + 1, digits);
            buf[pos] = buf[pos + 1];
            if (digits > 1) {
                buf[pos + 1] = '.';
                pos += digits + 1;
            } else {
                pos += 1;
            }
            buf[pos++] = 'e';
            int e = decpt - 1;
            buf[pos++] = (byte) (e < 0 ? '-' : '+');
            e = Math.abs(e);
            if (e >= 100) {
                buf[pos++] = (byte) ('0' + e / 100);
                e %= 100;
            }
            buf[pos++] = (byte) ('0' + e / 10);
            buf[pos++] = (byte) ('0' + e % 10);
        } else if (decpt <= 0) {
            buf[pos++] = '0';
            buf[pos++] = '.';
            for (int i = decpt; i < 0; i++) {
                buf[pos++] = '0';
            }
            writeDigits(output, buf, pos, digits);
            pos += digits;
        } else if (decpt >= digits) {
            writeDigits(output, buf, pos, digits);
            pos += digits;
            for (int i = digits; i < decpt; i++) {
                buf[pos++] = '0';
            }
            buf[pos++] = '.';
            buf[pos++] = '0';
        } else {
            // integer part, point, fraction: write all digits shifted by one, then open the gap
            writeDigits(output, buf, pos + 1, digits);
            for (int i = 0; i < decpt; i++) {
                buf[pos + i] = buf[pos + i + 1];
            }
            buf[pos + decpt] = '.';
            pos += digits + 1;
        }
        return pos;
    }

    /** Writes the {@code digits} decimal digits of {@code v} into {@code buf[at, at+digits)}. */
    private static void writeDigits(long v, byte[] buf, int at, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            long q = v / 10;
            buf[i] = (byte) ('0' + (v - q * 10));
            v = q;
        }
    }

    private static int putAscii(byte[] buf, int pos, String s) {
        for (int i = 0; i < s.length(); i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
        return pos;
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1000L, 10000L, 100000L, 1000000L, 10000000L, 100000000L,
        1000000000L, 10000000000L, 100000000000L, 1000000000000L, 10000000000000L, 100000000000000L,
        1000000000000000L, 10000000000000000L, 100000000000000000L};

    private static int decimalLength(long v) {
        int n = 1;
        while (n < 18 && v >= POW10[n]) {
            n++;
        }
        return n;
    }

    /** ceil(log2(5^e)), i.e. the bit length of 5^e, for 0 <= e <= 3528. */
    private static int pow5bits(int e) {
        return (int) (((e * 1217359L) >>> 19) + 1);
    }

    /** floor(log10(2^e)) for 0 <= e <= 1650. */
    private static int log10Pow2(int e) {
        return (int) ((e * 78913L) >>> 18);
    }

    /** floor(log10(5^e)) for 0 <= e <= 2620. */
    private static int log10Pow5(int e) {
        return (int) ((e * 732923L) >>> 20);
    }

    private static boolean multipleOfPowerOf5(long value, int p) {
        int count = 0;
        while (value > 0 && value % 5 == 0) {
            value /= 5;
            count++;
        }
        return count >= p;
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** (m * (mul[1]:mul[0])) >> j for a 128-bit multiplier; m is below 2^57 and 64 < j < 128. */
    private static long mulShift(long m, long[] mul, int j) {
        long b0Hi = unsignedMultiplyHigh(m, mul[0]);
        long b2Lo = m * mul[1];
        long b2Hi = unsignedMultiplyHigh(m, mul[1]);
        long lo = b0Hi + b2Lo;
        long hi = b2Hi + (Long.compareUnsigned(lo, b2Lo) < 0 ? 1 : 0);
        int s = j - 64;
        if (s <= 0 || s >= 64) {
            throw new AssertionError("shift out of range: " + j);
        }
        return (lo >>> s) | (hi << (64 - s));
    }
}

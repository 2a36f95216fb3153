package org.classicnlp.notebook;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.IChart;

/**
 * What a notebook cell calls to show things: {@code display(chart)}, {@code display(image)},
 * {@code html("<b>…</b>")}, {@code table(header, rows)}, {@code display(anything)} as text. The kernel imports
 * it statically into every notebook. Pictures go out as PNG no wider than {@link #MAX_WIDTH} pixels, so
 * executed notebooks stay small.
 */
public final class Display {

    /** Wider images are scaled down to this width (aspect kept) before they are encoded. */
    public static final int MAX_WIDTH = 640;

    private static volatile Consumer<DisplayData> sink = data -> {
        throw new IllegalStateException("no notebook kernel is running: display() works inside a notebook cell");
    };

    private Display() {
    }

    /** Where displayed data goes: the running kernel's display stream (the kernel sets it; tests too). */
    public static void setSink(Consumer<DisplayData> destination) {
        sink = Objects.requireNonNull(destination);
    }

    /** Shows a chart or an image as a PNG, display data as it is, anything else as its text. */
    public static void display(Object value) {
        sink.accept(toDisplayData(value));
    }

    /** Shows HTML (with a plain-text fallback for front ends that show only text). */
    public static void html(String html) {
        DisplayData data = new DisplayData(html.replaceAll("<[^>]*>", ""));
        data.putHTML(html);
        sink.accept(data);
    }

    /** Shows rows as an HTML table; cells are escaped text, numbers as given. */
    public static void table(List<?> header, List<? extends List<?>> rows) {
        StringBuilder html = new StringBuilder("<table><thead><tr>");
        StringBuilder text = new StringBuilder();
        for (Object h : header) {
            html.append("<th>").append(escape(String.valueOf(h))).append("</th>");
            text.append(h).append('\t');
        }
        html.append("</tr></thead><tbody>");
        text.setLength(Math.max(0, text.length() - 1));
        for (List<?> row : rows) {
            html.append("<tr>");
            text.append('\n');
            for (int i = 0; i < row.size(); i++) {
                html.append("<td>").append(escape(String.valueOf(row.get(i)))).append("</td>");
                text.append(i == 0 ? "" : "\t").append(row.get(i));
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        DisplayData data = new DisplayData(text.toString());
        data.putHTML(html.toString());
        sink.accept(data);
    }

    /** The display data for a value: PNG for charts and images, as-is for display data, else text/plain. */
    public static DisplayData toDisplayData(Object value) {
        if (value instanceof DisplayData d) {
            return d;
        }
        if (value instanceof IChart chart) {
            return png(BitmapEncoder.getBufferedImage(chart));
        }
        if (value instanceof RenderedImage image) {
            return png(image);
        }
        return new DisplayData(String.valueOf(value));
    }

    /** An image as {@code image/png} display data, scaled down to {@link #MAX_WIDTH} when wider. */
    public static DisplayData png(RenderedImage image) {
        RenderedImage small = downscale(image);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(small, "png", bytes)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DisplayData data = new DisplayData("<image " + small.getWidth() + "x" + small.getHeight() + ">");
        data.putData("image/png", Base64.getEncoder().encodeToString(bytes.toByteArray()));
        return data;
    }

    static RenderedImage downscale(RenderedImage image) {
        if (image.getWidth() <= MAX_WIDTH) {
            return image;
        }
        int h = Math.max(1, Math.round(image.getHeight() * (float) MAX_WIDTH / image.getWidth()));
        BufferedImage out = new BufferedImage(MAX_WIDTH, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        if (image instanceof BufferedImage b) {
            g.drawImage(b, 0, 0, MAX_WIDTH, h, null);
        } else {
            g.drawRenderedImage(image, java.awt.geom.AffineTransform.getScaleInstance(
                    (double) MAX_WIDTH / image.getWidth(), (double) h / image.getHeight()));
        }
        g.dispose();
        return out;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

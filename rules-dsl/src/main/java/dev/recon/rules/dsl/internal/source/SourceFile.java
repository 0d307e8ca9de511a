package dev.recon.rules.dsl.internal.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The text of one rule file, with the line table that turns offsets into lines and columns. */
public final class SourceFile {
    private final String name;
    private final String text;
    private final int[] lineStarts;

    /** A file with the given name (as shown in diagnostics) and text. */
    public SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The file name. */
    public String name() {
        return name;
    }

    /** The whole text. */
    public String text() {
        return text;
    }

    /** 1-based line of a character offset. */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, Math.min(Math.max(offset, 0), text.length()));
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column of a character offset, counted in code points. */
    public int column(int offset) {
        int start = lineStarts[line(offset) - 1];
        int end = Math.min(Math.max(offset, start), text.length());
        return text.codePointCount(start, end) + 1;
    }

    /** Text of a 1-based line, without its line break. */
    public String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, Math.max(start, end));
    }
}

package dev.recon.rules.dsl.internal.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code {side.field}} placeholders of a message, found as {@link dev.recon.rules
 * .MessageTemplate} finds them: from a '{' to the next '}'.
 */
final class Placeholders {
    private Placeholders() {}

    /**
     * One placeholder: indexes of its '{' and '}' ({@code close} is -1 when unclosed), and the
     * trimmed text between them.
     */
    record Placeholder(int open, int close, String content) {
        /** The part before the first '.', or "" without one. */
        String side() {
            int dot = content.indexOf('.');
            return dot < 0 ? "" : content.substring(0, dot);
        }

        /** The part after the first '.'. */
        String field() {
            return content.substring(content.indexOf('.') + 1);
        }
    }

    static List<Placeholder> of(String message) {
        List<Placeholder> all = new ArrayList<>();
        int i = 0;
        while (true) {
            int open = message.indexOf('{', i);
            if (open < 0) {
                return all;
            }
            int close = message.indexOf('}', open);
            String content = close < 0 ? "" : message.substring(open + 1, close).trim();
            all.add(new Placeholder(open, close, content));
            if (close < 0) {
                return all;
            }
            i = close + 1;
        }
    }

    /** The message with every placeholder written as {@code {left.f}} or {@code {right.f}}. */
    static String canonical(String message, Scope scope) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Placeholder p : of(message)) {
            String side = scope.side(p.side()).name().toLowerCase(java.util.Locale.ROOT);
            sb.append(message, i, p.open())
                    .append('{')
                    .append(side)
                    .append('.')
                    .append(p.field())
                    .append('}');
            i = p.close() + 1;
        }
        return sb.append(message.substring(i)).toString();
    }
}

package dev.recon.rules;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * A message with {@code {left.field}} / {@code {right.field}} placeholders, resolved once against
 * the schemas; rendering reads fields by position. A missing side renders as {@code <missing>}.
 */
public final class MessageTemplate {
    private final String source;
    private final List<Object> parts; // String literal or FieldPart

    private MessageTemplate(String source, List<Object> parts) {
        this.source = source;
        this.parts = parts;
    }

    /** Compiles a template; an unknown placeholder fails here, not per event. */
    public static MessageTemplate compile(String template, Schema left, Schema right) {
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                parts.add(template.substring(i));
                break;
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '{' at " + open + " in: " + template);
            }
            parts.add(template.substring(i, open));
            parts.add(placeholder(template.substring(open + 1, close).trim(), left, right));
            i = close + 1;
        }
        return new MessageTemplate(template, List.copyOf(parts));
    }

    private static Object placeholder(String ref, Schema left, Schema right) {
        int dot = ref.indexOf('.');
        String side = dot < 0 ? "" : ref.substring(0, dot);
        String field = ref.substring(dot + 1);
        Side s =
                switch (side) {
                    case "left" -> Side.LEFT;
                    case "right" -> Side.RIGHT;
                    default ->
                            throw new IllegalArgumentException(
                                    "placeholder {"
                                            + ref
                                            + "} must be {left.<field>} or {right.<field>}");
                };
        Schema schema = s == Side.LEFT ? left : right;
        Schema.Field f = schema.getField(field);
        if (f == null) {
            throw new IllegalArgumentException(
                    "placeholder {"
                            + ref
                            + "}: no field '"
                            + field
                            + "' in "
                            + schema.getFullName());
        }
        return new FieldPart(s, f.pos());
    }

    /** Renders the message for a pair; either side may be null. */
    public String render(IndexedRecord left, IndexedRecord right) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof FieldPart f) {
                IndexedRecord r = f.side() == Side.LEFT ? left : right;
                sb.append(r == null ? "<missing>" : String.valueOf(r.get(f.pos())));
            } else {
                sb.append((String) p);
            }
        }
        return sb.toString();
    }

    /** The template text as written. */
    public String source() {
        return source;
    }

    private record FieldPart(Side side, int pos) {}
}

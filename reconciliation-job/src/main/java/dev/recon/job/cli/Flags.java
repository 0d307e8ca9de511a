package dev.recon.job.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GNU-style flags ({@code --name value}, {@code --name=value}, boolean {@code --name}) checked
 * against a list of known {@link Flag}s, with "did you mean" for misspellings.
 */
public final class Flags {
    private final Map<String, List<String>> values;

    private Flags(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Parses {@code args}; an unknown flag or a missing value is a {@link UsageException}. */
    public static Flags parse(String[] args, List<Flag> known) throws UsageException {
        Map<String, Flag> byName = new LinkedHashMap<>();
        known.forEach(f -> byName.put(f.name(), f));
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "': flags start with --");
            }
            int eq = arg.indexOf('=');
            String name = arg.substring(2, eq < 0 ? arg.length() : eq);
            Flag flag = byName.get(name);
            if (flag == null) {
                throw new UsageException(
                        "unknown flag --" + name + suggestion(name, byName.keySet()));
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (flag.isBoolean()) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("flag --" + name + " needs a value: " + flag.help());
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return new Flags(values);
    }

    /** The last value given for the flag, or its default. */
    public String get(Flag flag) {
        List<String> v = values.get(flag.name());
        return v == null ? flag.defaultValue() : v.get(v.size() - 1);
    }

    /** Every value given for a repeatable flag. */
    public List<String> all(Flag flag) {
        return values.getOrDefault(flag.name(), List.of());
    }

    /** Whether the flag was given. */
    public boolean has(Flag flag) {
        return values.containsKey(flag.name());
    }

    /** A required string flag. */
    public String required(Flag flag) throws UsageException {
        String v = get(flag);
        if (v == null || v.isBlank()) {
            throw new UsageException("--" + flag.name() + " is required: " + flag.help());
        }
        return v;
    }

    /** A long flag within {@code [min, max]}. */
    public long getLong(Flag flag, long min, long max) throws UsageException {
        String v = get(flag);
        try {
            long n = Long.parseLong(v.trim().replace("_", ""));
            if (n < min || n > max) {
                throw new UsageException(
                        "--"
                                + flag.name()
                                + " must be between "
                                + min
                                + " and "
                                + max
                                + ", got "
                                + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(
                    "--" + flag.name() + " must be a whole number, got '" + v + "'");
        }
    }

    /** A boolean flag. */
    public boolean getBoolean(Flag flag) throws UsageException {
        String v = get(flag);
        if (v == null) {
            return false;
        }
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw new UsageException(
                            "--" + flag.name() + " takes true or false, got '" + v + "'");
        };
    }

    /** A usage text listing every flag with its default and help. */
    public static String usage(String command, List<Flag> known) {
        StringBuilder sb =
                new StringBuilder("usage: ").append(command).append(" [flags]\n\nflags:\n");
        for (Flag f : known) {
            String left = "  --" + f.name() + (f.isBoolean() ? "" : " <" + f.metavar() + ">");
            sb.append(String.format("%-38s %s", left, f.help()));
            if (f.defaultValue() != null && !f.isBoolean()) {
                sb.append(" (default: ").append(f.defaultValue()).append(')');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String suggestion(String name, Iterable<String> known) {
        String best = null;
        int bestDistance = 4;
        for (String k : known) {
            int d = distance(name, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "; run with --help for the list" : " (did you mean --" + best + "?)";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

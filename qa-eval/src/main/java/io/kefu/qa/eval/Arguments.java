package io.kefu.qa.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line options; a name may repeat. */
final class Arguments {

    private final Map<String, List<String>> values = new HashMap<>();

    Arguments(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got: " + args[i]);
            }
            values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
    }

    String get(String name, String fallback) {
        List<String> list = values.get(name);
        return list == null ? fallback : list.get(list.size() - 1);
    }

    String require(String name) {
        String value = get(name, null);
        if (value == null) throw new IllegalArgumentException("missing --" + name);
        return value;
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    Path path(String name) {
        Path path = Path.of(require(name));
        if (!java.nio.file.Files.exists(path)) throw new IllegalArgumentException("--" + name + ": no such file " + path);
        return path;
    }
}

package io.kefu.qa;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packages of qa-core depend on each other one way only, read from the compiled classes' constant pools
 * (every class they name, in code, fields, signatures and annotations). The stage packages are nodes; the API
 * package {@code io.kefu.qa} holds both the values every stage passes on (FaqEntry, Reply...) and the facade that
 * chains the stages (QaBot), so each of its classes is a node of its own.
 */
class PackageGraphTest {

    private static final String ROOT = "io/kefu/qa";
    private static final Pattern CLASS_NAME = Pattern.compile(ROOT + "/[A-Za-z0-9_/$]+");

    /** Node name to the nodes it uses. */
    static Map<String, Set<String>> graph() throws IOException, URISyntaxException {
        Path classes = Path.of(QaBot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        var files = new TreeMap<String, Path>();
        try (Stream<Path> walk = Files.walk(classes.resolve(ROOT))) {
            walk.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                String name = classes.relativize(p).toString().replace('\\', '/');
                files.put(name.substring(0, name.length() - ".class".length()), p);
            });
        }
        var graph = new TreeMap<String, Set<String>>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            String from = node(file.getKey());
            Set<String> uses = graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (String used : referencedClasses(file.getValue())) {
                if (!files.containsKey(used)) continue; // a resource path or a name that is not a class
                String to = node(used);
                if (!to.equals(from)) uses.add(to);
            }
        }
        return graph;
    }

    /** A stage package, or one top-level class of the API package. */
    private static String node(String className) {
        String topLevel = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        String pkg = topLevel.substring(0, topLevel.lastIndexOf('/'));
        return (pkg.equals(ROOT) ? topLevel : pkg).replace('/', '.');
    }

    /** The io.kefu.qa names in a class file's constant pool. */
    private static Set<String> referencedClasses(Path classFile) throws IOException {
        var names = new HashSet<String>();
        try (InputStream raw = Files.newInputStream(classFile); var in = new DataInputStream(raw)) {
            in.readInt(); // magic
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> {
                        Matcher matcher = CLASS_NAME.matcher(in.readUTF());
                        while (matcher.find()) names.add(matcher.group());
                    }
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // takes two entries
                    }
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
        }
        return names;
    }

    /** A cycle through the graph, or an empty list when it has none. */
    static List<String> cycle(Map<String, Set<String>> graph) {
        var done = new HashSet<String>();
        for (String start : graph.keySet()) {
            List<String> found = cycleFrom(start, graph, new ArrayDeque<>(), new HashSet<>(), done);
            if (!found.isEmpty()) return found;
        }
        return List.of();
    }

    private static List<String> cycleFrom(String node, Map<String, Set<String>> graph, Deque<String> path,
                                          Set<String> onPath, Set<String> done) {
        if (onPath.contains(node)) {
            var cycle = new ArrayList<String>();
            boolean in = false;
            for (String step : (Iterable<String>) path::descendingIterator) {
                if (step.equals(node)) in = true;
                if (in) cycle.add(step);
            }
            cycle.add(node);
            return cycle;
        }
        if (!done.add(node)) return List.of();
        path.push(node);
        onPath.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            List<String> found = cycleFrom(next, graph, path, onPath, done);
            if (!found.isEmpty()) return found;
        }
        path.pop();
        onPath.remove(node);
        return List.of();
    }

    @Test
    void thePackageGraphHasNoCycle() throws Exception {
        Map<String, Set<String>> graph = graph();
        graph.forEach((node, uses) -> System.out.println(node + " -> " + uses));
        assertEquals(List.of(), cycle(graph));
    }

    @Test
    void eachStageUsesOnlyTheStagesBeforeIt() throws Exception {
        Map<String, Set<String>> graph = graph();
        assertFalse(graph.get("io.kefu.qa.index").contains("io.kefu.qa.rank"), "index must not know the ranker");
        assertFalse(graph.get("io.kefu.qa.index").contains("io.kefu.qa.retrieve"), "index must not build queries");
        assertFalse(graph.get("io.kefu.qa.rank").contains("io.kefu.qa.decide"), "rank must not know the decision");
        assertTrue(graph.get("io.kefu.qa.rank").contains("io.kefu.qa.index"), "the ranker reads the index");
        for (String stage : List.of("normalize", "segment", "expand", "index", "retrieve", "rank", "decide", "intent")) {
            Set<String> uses = graph.get("io.kefu.qa." + stage);
            assertFalse(uses.contains("io.kefu.qa.QaBot"), stage + " must not use the facade");
            assertFalse(uses.contains("io.kefu.qa.dialog"), stage + " must not use the dialogue");
            assertFalse(uses.contains("io.kefu.qa.internal"), stage + " must not use the evaluator's access");
        }
    }

    @Test
    void findsACycleWhenThereIsOne() {
        Map<String, Set<String>> withCycle = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of());
        List<String> cycle = cycle(new TreeMap<>(withCycle));
        assertEquals(4, cycle.size(), cycle.toString());
        assertEquals(cycle.get(0), cycle.get(3));
        assertEquals(List.of(), cycle(new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of()))));
    }
}

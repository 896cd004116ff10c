package io.kefu.knowledge;

import io.kefu.qa.KnowledgeFolder;

import java.nio.file.Path;

/** The bundled content as the tests read it: once, with the one loader the server and the evaluator use. */
final class Demo {

    /** The knowledge folder of this module, on disk. */
    static final Path FOLDER = Path.of("src", "main", "resources", "knowledge");
    static final Path GOLDEN = Path.of("golden", "questions.tsv");

    static final KnowledgeFolder KNOWLEDGE = KnowledgeFolder.open(FOLDER);

    private Demo() {
    }
}

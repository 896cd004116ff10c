package io.kefu.server.conversation;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/** The default: an embedded H2 file database, as the server creates it under its data folder. */
class ChatStoreH2Test extends ChatStoreContract {

    @TempDir
    Path dataDir;

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:file:" + dataDir.resolve("kefu") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }
}

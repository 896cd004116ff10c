package db.migration;

import io.kefu.server.ticket.TicketMigration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Tickets recorded before the desk existed (V20) get what the desk reads: kind, priority, customer, phone, subject,
 * due time, and a first history entry. Java rather than SQL because the slots are JSON, which H2 and PostgreSQL read
 * differently. The rules are the desk's own ({@link TicketMigration}).
 */
public class V21__tickets_into_desk_model extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        TicketMigration.migrate(context.getConnection());
    }
}

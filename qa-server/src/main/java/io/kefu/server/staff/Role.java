package io.kefu.server.staff;

/**
 * What a staff member may do. Higher roles include lower ones ({@link SecurityConfiguration#roleHierarchy()}):
 * ADMIN ⊃ SUPERVISOR ⊃ AGENT, and ADMIN ⊃ EDITOR.
 */
public enum Role {
    AGENT, SUPERVISOR, EDITOR, ADMIN;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}

package io.kefu.server.staff;

import java.util.Set;

/**
 * A staff member's account.
 *
 * @param passwordHash BCrypt
 * @param capacity     the most conversations routed to them at once
 * @param skills       skill groups a conversation may be transferred to
 */
public record StaffAccount(String username, String displayName, String passwordHash, Set<Role> roles, int capacity,
                           Set<String> skills, boolean enabled) {

    public StaffAccount {
        roles = Set.copyOf(roles);
        skills = Set.copyOf(skills);
    }
}

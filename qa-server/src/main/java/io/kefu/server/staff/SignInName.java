package io.kefu.server.staff;

/**
 * The user name a sign-in is for, read once from the form: what the sign-in limit counts and what Spring Security
 * authenticates. Read twice, differently, it let a guesser past the limit: the limit took {@code "agent2 "} as
 * another user while authentication trimmed it to {@code agent2}, and a success under the padded name lifted the
 * block. Whitespace around the name is not part of it (Unicode whitespace, so a full-width space too); the case is:
 * user names are matched exactly as they were created, so {@code Agent2} is nobody when {@code agent2} exists.
 */
final class SignInName {

    private SignInName() {
    }

    static String of(String typed) {
        return typed == null ? "" : typed.strip();
    }
}

package io.kefu.server.staff;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Administrators make, list and revoke API tokens ({@code /api/admin/tokens}). */
@RestController
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** For whom, and a name to recognise the token by. */
    record TokenRequest(String username, String label) {
    }

    @PostMapping("/api/admin/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.NewToken create(@RequestBody TokenRequest request, Authentication who, HttpServletRequest http) {
        return tokens.create(request.username(), request.label(), who.getName(), http.getRemoteAddr());
    }

    @GetMapping("/api/admin/tokens")
    List<ApiTokens.TokenView> all() {
        return tokens.all();
    }

    @DeleteMapping("/api/admin/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id, Authentication who, HttpServletRequest http) {
        tokens.revoke(id, who.getName(), http.getRemoteAddr());
    }
}

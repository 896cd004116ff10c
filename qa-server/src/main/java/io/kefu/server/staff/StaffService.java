package io.kefu.server.staff;

import io.kefu.server.system.BadRequestException;
import io.kefu.server.system.KefuProperties;
import io.kefu.server.system.SafeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Staff accounts: creating them, and the first administrator. There is never a default password: the first
 * administrator comes from {@code kefu.admin.*} (environment variables), or from a one-time setup token printed at
 * the first start, which {@code /setup} accepts once.
 */
@Service
public class StaffService {

    private static final Logger log = LoggerFactory.getLogger(StaffService.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{2,64}");
    static final int MIN_PASSWORD_LENGTH = 8;
    private static final int MAX_PASSWORD_LENGTH = 72; // BCrypt reads no further
    private static final int MAX_CAPACITY = 50;
    private static final int MAX_DISPLAY_NAME_LENGTH = 64;

    private final StaffStore store;
    private final PasswordEncoder passwords;
    private final KefuProperties properties;
    private final AuditLog audit;
    /** The setup token while no administrator exists (this node printed it); {@code null} otherwise. */
    private final AtomicReference<String> setupToken = new AtomicReference<>();

    private final TransactionTemplate tx;

    StaffService(StaffStore store, PasswordEncoder passwords, KefuProperties properties, AuditLog audit,
                 PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        this.store = store;
        this.passwords = passwords;
        this.properties = properties;
        this.audit = audit;
    }

    /** What an administrator fills in for a new account. */
    public record NewStaff(String username, String displayName, String password, Set<Role> roles, Integer capacity,
                           Set<String> skills) {
    }

    public StaffAccount create(NewStaff request, String createdBy) {
        if (request == null || request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            throw new BadRequestException("用户名须为 2 到 64 位的字母、数字、下划线、点或短横线。");
        }
        String password = request.password() == null ? "" : request.password();
        if (password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw new BadRequestException("密码长度须为 " + MIN_PASSWORD_LENGTH + " 到 " + MAX_PASSWORD_LENGTH + " 位。");
        }
        if (request.roles() == null || request.roles().isEmpty()) throw new BadRequestException("请至少选择一个角色。");
        int capacity = request.capacity() == null ? properties.handoff().defaultCapacity() : request.capacity();
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new BadRequestException("同时接待上限须在 1 到 " + MAX_CAPACITY + " 之间。");
        }
        String displayName = displayName(request);
        Set<String> skills = request.skills() == null ? Set.of() : request.skills();
        if (skills.stream().anyMatch(s -> s == null || !USERNAME.matcher(s).matches())) {
            throw new BadRequestException("技能组名称须为 2 到 64 位的字母、数字、下划线、点或短横线。");
        }
        var account = new StaffAccount(request.username(), displayName, passwords.encode(password), request.roles(),
                capacity, skills, true);
        tx.executeWithoutResult(status -> {
            if (store.find(request.username()).isPresent()) throw new BadRequestException("用户名已存在。");
            store.insert(account);
            audit.record(createdBy, "create_staff", account.username(), "roles=" + account.roles(), null);
        });
        return account;
    }

    /**
     * The name customers and colleagues see, cleaned as every text people write is. Markup is refused rather than
     * stripped (both pages show it as text anyway): the administrator learns at once that it is not shown as such.
     */
    private static String displayName(NewStaff request) {
        String typed = request.displayName() == null ? "" : SafeText.clean(request.displayName()).strip();
        String displayName = typed.isEmpty() ? request.username() : typed;
        if (displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new BadRequestException("显示名称请控制在 " + MAX_DISPLAY_NAME_LENGTH + " 个字以内。");
        }
        if (displayName.indexOf('<') >= 0 || displayName.indexOf('>') >= 0) {
            throw new BadRequestException("显示名称不能包含 < 或 >，请只填写姓名或昵称。");
        }
        return displayName;
    }

    public Optional<StaffAccount> find(String username) {
        return store.find(username);
    }

    public List<StaffAccount> all() {
        return store.all();
    }

    /** At start: the administrator from the environment, or a setup token when there is no administrator yet. */
    @EventListener(ApplicationReadyEvent.class)
    void bootstrap() {
        if (store.anyAdmin()) return;
        KefuProperties.Admin admin = properties.admin();
        if (admin.username() != null && !admin.username().isBlank() && admin.password() != null
                && !admin.password().isBlank()) {
            create(new NewStaff(admin.username(), "管理员", admin.password(), Set.of(Role.ADMIN), null, Set.of()),
                    "environment");
            log.info("created the first administrator '{}' from KEFU_ADMIN_USERNAME/KEFU_ADMIN_PASSWORD", admin.username());
            return;
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        setupToken.set(token);
        Path file = setupTokenFile();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, token + System.lineSeparator());
        } catch (IOException e) {
            log.warn("could not write the setup token to {}: {}", file, e.toString());
        }
        log.warn("No administrator yet. Open /setup and enter this one-time setup token: {}  (also in {}; "
                + "or start with KEFU_ADMIN_USERNAME and KEFU_ADMIN_PASSWORD set)", token, file.toAbsolutePath());
    }

    /** Where the setup token is also written, for operators who read files on the host rather than logs. */
    Path setupTokenFile() {
        return Path.of(properties.dataDir(), "setup-token");
    }

    /** Whether {@code /setup} is open: no administrator, and this node holds a setup token. */
    public boolean setupOpen() {
        return setupToken.get() != null && !store.anyAdmin();
    }

    /** Creates the first administrator with the setup token; the token works once. */
    public synchronized StaffAccount setUp(String token, String username, String password, String address) {
        String expected = setupToken.get();
        if (expected == null || store.anyAdmin()) throw new BadRequestException("系统已完成初始化，请直接登录。");
        if (token == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.strip().getBytes(StandardCharsets.UTF_8))) {
            audit.record(username == null ? "?" : username, "setup_failed", null, null, address);
            throw new BadRequestException("设置令牌不正确，请查看服务器启动日志中的一次性设置令牌。");
        }
        StaffAccount admin = create(new NewStaff(username, "管理员", password, Set.of(Role.ADMIN), null, Set.of()),
                "setup");
        setupToken.set(null);
        try {
            Files.deleteIfExists(setupTokenFile());
        } catch (IOException e) {
            log.warn("could not delete the used setup token {}: {}", setupTokenFile(), e.toString());
        }
        return admin;
    }
}

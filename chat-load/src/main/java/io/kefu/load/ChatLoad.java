package io.kefu.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load for the customer chat socket, over loopback only, from a small WebSocket client of its own
 * ({@link WebSockets}: one selector thread, frames read as bytes) so that it takes as little of the shared CPU as it
 * can.
 *
 * <pre>
 * java -jar chat-load.jar run  --url ws://127.0.0.1:18181/ws/chat --conversations 1000 --rate 1000 --seconds 60
 * java -jar chat-load.jar idle --url ws://127.0.0.1:18181/ws/chat --connections 10000 --hold 30
 * </pre>
 *
 * {@code run}: that many conversations say hello, then send customer messages at a fixed total rate, round robin,
 * for an optional ramp (the rate rising from a tenth to all of it), a warm-up and then the measured seconds; the round trip is from sending a message to receiving the bot's reply
 * to it. Lost: messages sent without a reply by the end (after a drain). Errors: error frames, failed connections
 * and sends. {@code idle}: connections that say hello and then stay open; prints READY when all are up, then holds.
 * Every run is bounded in count and time and stops by itself.
 */
public final class ChatLoad {

    private static final String[] QUESTIONS = {
            "银行卡丢了怎么办", "话费余额怎么查", "流量套餐有哪些", "怎么开通国际漫游", "宽带怎么报修", "信用卡怎么还款",
            "手机停机了怎么办", "怎么修改银行卡密码", "5G 套餐怎么办理", "网点营业时间是几点", "怎么查话费账单",
            "转账限额是多少", "彩铃怎么退订", "理财产品怎么赎回", "怎么补办手机卡", "积分怎么兑换", "怎么注销信用卡",
            "携号转网怎么办理", "手机银行登录不了", "宽带资费是多少"};

    private final URI url;
    private final WebSockets sockets;
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong errorFrames = new AtomicLong();
    private final Map<String, AtomicLong> errorCodes = new ConcurrentHashMap<>();
    /** Round trips of the messages sent from {@link #measureFrom} (System.nanoTime) on; before it, the warm-up. */
    private final Recorder recorder = new Recorder(60_000_000L, 3);
    private volatile long measureFrom = Long.MAX_VALUE;

    private ChatLoad(URI url) throws IOException {
        this.url = url;
        this.sockets = new WebSockets();
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: chat-load run|idle|send|count --url ws://127.0.0.1:PORT/ws/chat [--conversations N "
                    + "--rate MSG_PER_S --seconds S --warmup S --ramp S] [--connections N --hold S] [--messages N "
                    + "--gap MS] [--conversation ID --token TOKEN]");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        URI url = URI.create(options.getOrDefault("url", "ws://127.0.0.1:18181/ws/chat"));
        String host = url.getHost();
        if (!host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("load goes to this machine only (loopback), not " + host);
        }
        switch (args[0]) {
            case "run" -> new ChatLoad(url).run(Integer.parseInt(options.getOrDefault("conversations", "1000")),
                    Integer.parseInt(options.getOrDefault("rate", "1000")),
                    Math.min(600, Integer.parseInt(options.getOrDefault("seconds", "60"))),
                    Math.min(120, Integer.parseInt(options.getOrDefault("warmup", "10"))),
                    Math.min(300, Integer.parseInt(options.getOrDefault("ramp", "0"))));
            case "idle" -> new ChatLoad(url).idle(Math.min(20_000, Integer.parseInt(options.getOrDefault("connections", "10000"))),
                    Math.min(600, Integer.parseInt(options.getOrDefault("hold", "30"))));
            case "send" -> CrashCheck.send(url, Math.min(1_000, Integer.parseInt(options.getOrDefault("messages", "10"))),
                    Math.min(10_000, Long.parseLong(options.getOrDefault("gap", "0"))));
            case "count" -> CrashCheck.count(url, options.get("conversation"), options.get("token"));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.exit(0);
    }

    /**
     * One customer: its socket, and the send time of each message still waiting for its reply (by the number in its
     * client id). Frames are read on the socket thread; messages are sent from the pacing thread.
     */
    private final class Customer implements WebSockets.Listener {
        final CompletableFuture<Void> welcomed = new CompletableFuture<>();
        final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        /** The client message number of each acknowledged sequence number (socket thread only). */
        final Map<Long, Long> numberOfSeq = new HashMap<>();
        volatile LoadSocket socket;
        long next;

        @Override
        public void onOpen(LoadSocket webSocket) {
            try {
                webSocket.sendText("{\"type\":\"hello\",\"v\":1}");
            } catch (IOException e) {
                onError(webSocket, e);
            }
        }

        @Override
        public void onText(LoadSocket webSocket, byte[] frame, int from, int to) {
            switch (Frames.type(frame, from, to)) {
                case "welcome" -> welcomed.complete(null);
                case "ack" -> {
                    long number = Frames.clientNumber(frame, from, to);
                    if (number >= 0) numberOfSeq.put(Frames.number(frame, from, to, Frames.SEQ), number);
                }
                case "message" -> {
                    long replyTo = Frames.number(frame, from, to, Frames.REPLY_TO);
                    if (replyTo < 0) return;
                    Long number = numberOfSeq.remove(replyTo);
                    Long start = number == null ? null : sentAt.remove(number);
                    if (start != null && start >= measureFrom) recorder.recordValue((System.nanoTime() - start) / 1000);
                }
                case "error" -> {
                    errorFrames.incrementAndGet();
                    errorCodes.computeIfAbsent(Frames.string(frame, from, to, Frames.CODE), c -> new AtomicLong())
                            .incrementAndGet();
                }
                default -> {
                }
            }
        }

        @Override
        public void onError(LoadSocket webSocket, Throwable error) {
            errors.incrementAndGet();
            welcomed.completeExceptionally(error);
        }

        void send(String text) {
            long number = next++;
            sentAt.put(number, System.nanoTime());
            try {
                socket.sendText("{\"type\":\"message\",\"id\":\"m" + number + "\",\"text\":\"" + text + "\"}");
            } catch (IOException e) {
                errors.incrementAndGet();
            }
        }
    }

    /** Opens {@code n} customers, at most 200 handshakes at a time, each said hello and welcomed. */
    private List<Customer> open(int n) throws InterruptedException {
        var customers = new ArrayList<Customer>(n);
        var inFlight = new Semaphore(200);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            var customer = new Customer();
            inFlight.acquire();
            try {
                customer.socket = sockets.connect(url, customer);
            } catch (IOException e) {
                customer.welcomed.completeExceptionally(e);
            }
            customer.welcomed
                    .orTimeout(30, TimeUnit.SECONDS)
                    .whenComplete((ok, error) -> {
                        inFlight.release();
                        if (error != null) errors.incrementAndGet();
                    });
            customers.add(customer);
        }
        inFlight.acquire(200);
        inFlight.release(200);
        customers.removeIf(c -> !c.welcomed.isDone() || c.welcomed.isCompletedExceptionally());
        System.out.printf("%d of %d connections up in %.1f s%n", customers.size(), n, (System.nanoTime() - start) / 1e9);
        return customers;
    }

    /**
     * @param ramp seconds before the warm-up in which the rate rises evenly from a tenth of {@code rate} to all of
     *             it, the way a load balancer's slow start brings a new node in: the JIT compiles while the load is
     *             light instead of building a backlog that the measured minute inherits
     */
    private void run(int conversations, int rate, int seconds, int warmup, int ramp) throws Exception {
        List<Customer> customers = open(conversations);
        var total = new Histogram(60_000_000L, 3);
        long sent = 0;
        long sentMeasured = 0;
        long periodNanos = 1_000_000_000L / rate;
        if (ramp > 0) System.out.printf("ramp: %d s from %d to %d messages/s%n", ramp, rate / 10, rate);
        System.out.printf("warm-up: %d s at %d messages/s%n", warmup, rate);
        long begin = System.nanoTime();
        long rampEnd = begin + ramp * 1_000_000_000L;
        long measureStart = rampEnd + warmup * 1_000_000_000L;
        measureFrom = measureStart;
        long end = measureStart + seconds * 1_000_000_000L;
        long nextReport = measureStart + 10_000_000_000L;
        int turn = 0;
        for (long due = begin; due < end; due += due < rampEnd ? rampPeriod(periodNanos, due - begin, ramp) : periodNanos) {
            long wait = due - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            Customer customer = customers.get(turn++ % customers.size());
            customer.send(QUESTIONS[(int) (sent % QUESTIONS.length)]);
            sent++;
            if (due >= measureStart) sentMeasured++;
            if (due >= nextReport) {
                Histogram interval = recorder.getIntervalHistogram();
                total.add(interval);
                System.out.printf("  %3d s: %d replies, p50 %.2f ms, p99 %.2f ms, errors %d%n",
                        (due - measureStart) / 1_000_000_000L, interval.getTotalCount(),
                        interval.getValueAtPercentile(50) / 1000.0, interval.getValueAtPercentile(99) / 1000.0,
                        errors.get() + errorFrames.get());
                nextReport += 10_000_000_000L;
            }
        }
        long outstandingWait = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < outstandingWait && customers.stream().anyMatch(c -> !c.sentAt.isEmpty())) {
            Thread.sleep(100);
        }
        total.add(recorder.getIntervalHistogram());
        long lost = customers.stream().mapToLong(c -> c.sentAt.size()).sum();
        System.out.printf("%nconversations %d, rate %d messages/s, measured %d s (after %d s ramp and %d s warm-up)%n",
                customers.size(), rate, seconds, ramp, warmup);
        System.out.printf("messages sent %d (measured %d), replies measured %d%n", sent, sentMeasured,
                total.getTotalCount());
        System.out.printf("round trip (send → bot reply): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, "
                        + "max %.2f ms%n", total.getValueAtPercentile(50) / 1000.0,
                total.getValueAtPercentile(90) / 1000.0, total.getValueAtPercentile(99) / 1000.0,
                total.getValueAtPercentile(99.9) / 1000.0, total.getMaxValue() / 1000.0);
        System.out.printf("errors %d (error frames %d %s, connection/send failures %d), lost %d%n",
                errors.get() + errorFrames.get(), errorFrames.get(), errorCodes, errors.get(), lost);
        for (Customer customer : customers) customer.socket.abort();
        sockets.close();
    }

    /** The gap between sends {@code elapsed} nanoseconds into a ramp of {@code ramp} seconds. */
    private static long rampPeriod(long fullRatePeriod, long elapsed, int ramp) {
        double share = 0.1 + 0.9 * elapsed / (ramp * 1e9);
        return (long) (fullRatePeriod / share);
    }

    private void idle(int connections, int hold) throws Exception {
        List<Customer> customers = open(connections);
        System.out.printf("READY %d idle connections; holding %d s (errors %d)%n", customers.size(), hold,
                errors.get() + errorFrames.get());
        System.out.flush();
        Thread.sleep(hold * 1000L);
        System.out.printf("still open: %d, errors %d%n",
                customers.stream().filter(c -> c.socket.isOpen()).count(), errors.get() + errorFrames.get());
        for (Customer customer : customers) customer.socket.abort();
    }
}

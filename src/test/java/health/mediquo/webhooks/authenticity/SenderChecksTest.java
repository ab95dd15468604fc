package health.mediquo.webhooks.authenticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.mediquo.webhooks.receiving.SenderRejected;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SenderChecksTest {

    private final List<String> ran = new ArrayList<>();
    private final AtomicInteger bodyReads = new AtomicInteger();

    @Test
    void withNoCheckEnabledEveryDeliveryIsRejected() {
        SenderChecks checks = new SenderChecks();
        checks.use(List.of(check("disabled", false, false, true)));

        SenderRejected rejected = assertThrows(SenderRejected.class, () -> checks.verify(request()));

        assertEquals("no-sender-check", rejected.problemType());
        assertEquals(List.of(), ran);
    }

    @Test
    void headerChecksRunFirstAndTheBodyIsNotReadWhenOneFails() {
        SenderChecks checks = new SenderChecks();
        checks.use(List.of(check("body", true, true, true), check("header", true, false, false)));

        assertThrows(SenderRejected.class, () -> checks.verify(request()));

        assertEquals(List.of("header"), ran);
        assertEquals(0, bodyReads.get());
    }

    @Test
    void everyEnabledCheckMustPass() {
        SenderChecks checks = new SenderChecks();
        checks.use(List.of(
                check("first", true, false, true),
                check("off", false, false, false),
                check("body", true, true, false)));

        assertThrows(SenderRejected.class, () -> checks.verify(request()));

        assertEquals(List.of("first", "body"), ran);
        assertEquals(1, bodyReads.get());
    }

    private DeliveryRequest request() {
        return new DeliveryRequest(name -> null, role -> false, () -> {
            bodyReads.incrementAndGet();
            return new byte[0];
        });
    }

    private SenderCheck check(String name, boolean enabled, boolean readsBody, boolean passes) {
        return new SenderCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public boolean readsBody() {
                return readsBody;
            }

            @Override
            public void verify(DeliveryRequest request) {
                ran.add(name);
                if (readsBody) {
                    request.body();
                }
                if (!passes) {
                    throw new SenderRejected("test-" + name, "made-up failure");
                }
            }
        };
    }
}

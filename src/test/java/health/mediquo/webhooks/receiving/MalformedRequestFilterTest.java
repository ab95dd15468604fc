package health.mediquo.webhooks.receiving;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MalformedRequestFilterTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/webhooks/mediquo",
                "/api/patients/p%C3%A9/reports",
                "limit=2&cursor=eyJ0IjoxfQ&since=2024-01-01T00:00:00%2B01:00",
                "a=b+c;d=e,f~g_h.i-j!k$l'm(n)o*p:q@r/s?t",
                ""
            })
    void wellFormedTargetsPass(String target) {
        assertTrue(MalformedRequestFilter.isWellFormedTarget(target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x=%zz", "x=%", "x=%2", "x=%%41", "x=%g0", "x=a b", "x=\u00e9", "x=\u0000", "x={}", "x=|"})
    void badEscapesAndCharactersOutsideAUriAreRefused(String target) {
        assertFalse(MalformedRequestFilter.isWellFormedTarget(target));
    }
}

package health.mediquo.webhooks.receiving;

import jakarta.ws.rs.ClientErrorException;

/**
 * A request the application refuses, with a detail written for the caller. The runtime's own refusals (an unknown
 * path, a method or content type no resource takes) are worded by each server differently, so {@link ProblemMapper}
 * gives those a detail of its own and passes only these on.
 */
public class ClientError extends ClientErrorException {

    public ClientError(int status, String detail) {
        super(detail, status);
    }
}

package io.aiojakarta.it.extensions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
@ApplicationScoped
public class RejectedNoteMapper implements ExceptionMapper<RejectedNoteException> {

    @Override
    public Response toResponse(RejectedNoteException exception) {
        return Response.status(409).entity("rejected: " + exception.getMessage()).build();
    }
}

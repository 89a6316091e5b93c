package io.aiojakarta.it.extensions;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import io.aiojakarta.embedded.support.audit.Audited;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** Writes notes in a transaction from each mapper; a rejected note is rolled back. */
@Path("notes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotesResource {

    static final AtomicInteger BODIES = new AtomicInteger();

    @PersistenceContext
    EntityManager em;

    private NoteView write(NoteRequest request, boolean reject) {
        BODIES.incrementAndGet();
        Note note = new Note(request.text(), Thread.currentThread().getName().replaceAll("-\\d+$", ""));
        em.persist(note);
        em.flush();
        if (reject) {
            throw new RejectedNoteException(request.text());
        }
        return new NoteView(note.id, note.text, note.thread);
    }

    @POST
    @Path("coroutine")
    @AsyncView(Mapper.COROUTINE)
    @Transactional
    @Audited
    public CompletionStage<NoteView> coroutine(@Valid NoteRequest request, @QueryParam("reject") boolean reject) {
        return CompletableFuture.completedFuture(write(request, reject));
    }

    @POST
    @Path("executor")
    @AsyncView(Mapper.EXECUTOR)
    @Transactional
    @Audited
    public NoteView executor(@Valid NoteRequest request, @QueryParam("reject") boolean reject) {
        return write(request, reject);
    }

    @POST
    @Path("greenlet")
    @AsyncView(Mapper.GREENLET)
    @Transactional
    @Audited
    public NoteView greenlet(@Valid NoteRequest request, @QueryParam("reject") boolean reject) {
        return write(request, reject);
    }

    @GET
    @Path("count")
    @Produces(MediaType.TEXT_PLAIN)
    public long count(@QueryParam("text") @NotBlank String text) {
        return em.createQuery("select count(n) from Note n where n.text = :text", Long.class)
                .setParameter("text", text).getSingleResult();
    }

    @GET
    @Path("bodies")
    @Produces(MediaType.TEXT_PLAIN)
    public int bodies() {
        return BODIES.get();
    }
}

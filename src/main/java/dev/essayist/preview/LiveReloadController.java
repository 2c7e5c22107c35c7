package dev.essayist.preview;

import dev.essayist.events.ContentChanged;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * {@code /_preview/events}, in preview mode only ({@code essayist.preview=true}): a Server-Sent
 * Events stream (HTML §9.2) that sends a {@code change} event, whose data is the changed files,
 * once every reindex that wrote ({@link ContentChanged}), so that {@code static/js/live-reload.js}
 * reloads an open page within a second of a save. Outside preview mode the route does not exist.
 *
 * <p>A new connection first gets a {@code ready} event that asks the browser to reconnect half a
 * second after a lost connection (a restart); a {@code ping} every 15 seconds keeps idle
 * connections and proxies open. Every stream ends when the server stops, so an open tab never
 * holds up a graceful shutdown.
 */
@Requires(property = "essayist.preview", value = "true")
@Controller("/_preview")
class LiveReloadController implements ApplicationEventListener<ContentChanged> {

    static final Duration PING = Duration.ofSeconds(15);
    static final Duration RETRY = Duration.ofMillis(500);

    private final Sinks.Many<String> changes = Sinks.many().multicast().directBestEffort();

    @Get(value = "/events", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<String>> events() {
        Flux<Event<String>> ready = Flux.just(Event.of("ready").name("ready").retry(RETRY));
        Flux<Event<String>> changed = changes.asFlux().map(files -> Event.of(files).name("change"));
        Flux<Event<String>> pings = Flux.interval(PING).map(i -> Event.of("").name("ping"))
                .takeUntilOther(changes.asFlux().ignoreElements());
        return ready.concatWith(Flux.merge(changed, pings));
    }

    @Override
    public synchronized void onApplicationEvent(ContentChanged event) {
        if (event.wrote()) {
            changes.tryEmitNext(String.join("\n", event.files().stream().sorted().toList()));
        }
    }

    @PreDestroy
    synchronized void close() {
        changes.tryEmitComplete();
    }
}

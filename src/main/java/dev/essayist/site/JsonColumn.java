package dev.essayist.site;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;

/**
 * Stores a typed value of an entity in a text column as JSON, through Micronaut Data's converter
 * support ({@code @MappedProperty(converter = ...)}) and Micronaut Serde: the entity holds the
 * typed value, the column holds its JSON, and no code builds or parses JSON by hand. Subclass it
 * once per stored type as a {@code @Singleton} that passes the type's {@link Argument}.
 *
 * @param <T> the entity's type, a {@code @Serdeable} value or a list of them
 */
public abstract class JsonColumn<T> implements AttributeConverter<T, String> {

    private final ObjectMapper json;
    private final Argument<T> type;

    /**
     * @param json Micronaut Serde's mapper
     * @param type the stored type, with its type arguments (e.g. {@code Argument.listOf(Heading.class)})
     */
    protected JsonColumn(ObjectMapper json, Argument<T> type) {
        this.json = json;
        this.type = type;
    }

    /**
     * @throws DataAccessException if the value cannot be written as JSON (a type without serde support)
     */
    @Override
    public String convertToPersistedValue(T value, ConversionContext context) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(type, value);
        } catch (IOException e) {
            throw new DataAccessException("cannot store " + type.getTypeString(true) + " as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * @throws DataAccessException if the column does not hold JSON of the type (a row written by
     *                             other code; the index is then rebuilt from the files)
     */
    @Override
    public T convertToEntityValue(String text, ConversionContext context) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new DataAccessException("a " + type.getTypeString(true) + " column does not hold its JSON: " + e.getMessage(), e);
        }
    }
}

package io.mosaic.crm.platform.jobs.internal;

import io.mosaic.crm.sdk.error.BadRequestException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV file (RFC 4180, commons-csv), read one at a time: the first record is the
 * header. A row is its line in the file (the header is line 1) and its cells by header, or the
 * problem that makes it unreadable: a cell count unlike the header's, invalid UTF-8, or broken
 * quoting. Broken quoting ends the file (RFC 4180 gives no way to find where the next row begins
 * after it), so it is the last row read.
 */
final class CsvRows implements Iterator<CsvRows.Row>, Closeable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** One row: {@code problem} is null when the cells could be read. */
    record Row(long line, Map<String, String> cells, String problem) {}

    private final StrictUtf8Reader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long lastLine;
    private boolean broken;
    private RuntimeException failure;

    CsvRows(InputStream in) throws IOException {
        reader = new StrictUtf8Reader(in);
        parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        records = parser.iterator();
        try {
            if (!records.hasNext()) {
                throw new BadRequestException("empty_file", "the CSV file has no header row");
            }
            CSVRecord first = records.next();
            if (first.stream().anyMatch(v -> v.indexOf(StrictUtf8Reader.MARK) >= 0) && reader.malformed() > 0) {
                throw new BadRequestException("invalid_utf8", "the header row is not valid UTF-8");
            }
            header = List.copyOf(first.toList());
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new BadRequestException("malformed_csv", "the header row cannot be read: " + e.getMessage());
        }
        lastLine = parser.getCurrentLineNumber();
    }

    List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        if (broken) {
            return false;
        }
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            failure = e;  // next() answers the broken row
            return true;
        }
    }

    @Override
    public Row next() {
        if (broken) {
            throw new NoSuchElementException();
        }
        long line = lastLine + 1;
        CSVRecord record;
        try {
            if (failure != null) {
                throw failure;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            broken = true;
            return new Row(line, Map.of(), "malformed_csv: " + reason(e) + "; the rest of the file was not read");
        }
        lastLine = parser.getCurrentLineNumber();
        // the reader decodes ahead of the parser: any malformed input so far, and the mark in this row
        if (reader.malformed() > 0 && record.stream().anyMatch(v -> v.indexOf(StrictUtf8Reader.MARK) >= 0)) {
            return new Row(line, Map.of(), "invalid_utf8");
        }
        if (record.size() != header.size()) {
            return new Row(line, Map.of(), "wrong_cell_count: " + record.size() + " cells, the header has " + header.size());
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cells.put(header.get(i), record.get(i));
        }
        return new Row(line, cells, null);
    }

    private static String reason(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    /** Skips {@code rows} data rows (a resumed job's committed ones). */
    void skip(long rows) {
        for (long i = 0; i < rows && hasNext(); i++) {
            next();
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}

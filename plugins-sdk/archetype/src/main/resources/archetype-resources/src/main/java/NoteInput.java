package ${package};

/** The body of POST /api/${moduleId}/notes: {"text": "..."}. */
public record NoteInput(String text) {}

"""The content rules, one module per concern; hooks/content_checks.py runs them.

    project_files      where a file sits, what the project holds, FileResult
    file_names         file and folder names
    schema             front matter against schemas/*.json
    field_values       front-matter values the schemas cannot judge
    markdown_scan      code and comments blanked, offsets to line numbers
    links              links, anchors, HTML and media in a page's body
    stories            stories: consent, photos, themes, story folders
    events             events: dates, registration, reports
    heritage           heritage pages: sources, the heritage index
    text_language      a text in the language its file name says
    language_versions  what a page's language versions must agree on
    across_files       duplicate addresses and slugs, one consent per story
    common             helpers the rules share

Each rule's ID, severity, message and fix are in hooks/rules.py.
"""

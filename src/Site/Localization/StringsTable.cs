namespace Site.Localization;

/// <summary>One strings file as read: templates/i18n/ru.yml of the theme or of a site.</summary>
/// <param name="Language">The language tag, from the file name: "ru", "kk-KZ".</param>
/// <param name="Messages">By dotted key: "notes.heading".</param>
internal sealed record StringsTable(string Language, string File, LanguageSettings Settings, IReadOnlyDictionary<string, Message> Messages);

/// <summary>The text of one strings file and the name it is reported under.</summary>
internal sealed record StringsSource(string File, string Text);

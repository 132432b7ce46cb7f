using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Site.Templating;

/// <summary>
/// A typed model as templates read it: each field by its snake_case name, read from the record when a template
/// asks, rather than copied into a <see cref="ScriptObject"/>'s dictionary. A listing of 10,000 articles made
/// 40,000 such dictionaries (an article, its tag links, its corrections), kept for every listing page: 25 MB.
/// A template may still set a field of its own (<c>article.x = 1</c>); it is kept beside the model.
/// </summary>
internal abstract class ModelObject : IScriptObject
{
    private ScriptObject? _set;

    /// <summary>The fields, in the order templates list them (<c>for key in object.keys article</c>).</summary>
    protected abstract IReadOnlyList<string> Names { get; }

    /// <summary>The field's value; false for a name the model does not have.</summary>
    protected abstract bool TryGet(string member, out object? value);

    public int Count => GetMembers().Count();

    public bool IsReadOnly { get; set; }

    public IEnumerable<string> GetMembers() => _set is null ? Names : Names.Concat(_set.Keys.Where(key => !Names.Contains(key)));

    public bool Contains(string member) => _set?.ContainsKey(member) == true || TryGet(member, out _);

    public bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (_set is not null && _set.TryGetValue(member, out value))
        {
            return true;
        }
        return TryGet(member, out value);
    }

    public bool CanWrite(string member) => !IsReadOnly;

    public bool TrySetValue(TemplateContext? context, SourceSpan span, string member, object? value, bool readOnly)
    {
        if (IsReadOnly)
        {
            return false;
        }
        _set ??= [];
        return _set.TrySetValue(context, span, member, value, readOnly);
    }

    public bool Remove(string member) => _set?.Remove(member) == true;

    public void SetReadOnly(string member, bool readOnly) => (_set ??= []).SetReadOnly(member, readOnly);

    public IScriptObject Clone(bool deep)
    {
        var clone = (ModelObject)MemberwiseClone();
        clone._set = (ScriptObject?)_set?.Clone(deep);
        return clone;
    }
}

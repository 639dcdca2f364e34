using System.IO.Compression;
using System.Security.Cryptography;

namespace Liaison.Web.Platform.Files;

/// <summary>A file's kind once its content has been checked: what it is served as.</summary>
internal sealed record CheckedFile(string FileName, string ContentType, string Kind, byte[] Content, string Sha256);

/// <summary>
/// What an uploaded attachment may be: a short allow-list (PDF, PNG, JPEG, the Office formats), recognised by their
/// signatures and structure, not by their names; the name's extension must agree with what the content is. Office files
/// are ZIP packages (read as such, with limits on their entries and their expanded size, so a zip bomb is refused without
/// being expanded) or the older compound documents. The name is kept for display only: no folder, no control characters.
/// </summary>
internal static class FileCheck
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxNameLength = 200;

    /// <summary>An Office package expands to at most this much, in at most this many entries.</summary>
    private const long MaxExpandedBytes = 100L * 1024 * 1024;

    private const int MaxEntries = 2000;

    /// <summary>No entry may claim to expand more than this many times its compressed size (a zip bomb's tell).</summary>
    private const long MaxRatio = 200;

    public const string Accepted = "PDF, PNG, JPEG, Word, Excel or PowerPoint";

    /// <summary>What a file over <see cref="MaxBytes"/> is told, wherever it is refused (before reading it, or here).</summary>
    public static string TooLargeMessage => $"The file is larger than {MaxBytes / 1024 / 1024} MB.";

    private static readonly Dictionary<string, (string Kind, string ContentType)> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("pdf", "application/pdf"),
        [".png"] = ("png", "image/png"),
        [".jpg"] = ("jpeg", "image/jpeg"),
        [".jpeg"] = ("jpeg", "image/jpeg"),
        [".docx"] = ("word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        [".xlsx"] = ("excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        [".pptx"] = ("powerpoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        [".doc"] = ("legacy", "application/msword"),
        [".xls"] = ("legacy", "application/vnd.ms-excel"),
        [".ppt"] = ("legacy", "application/vnd.ms-powerpoint"),
    };

    /// <summary>The name as Liaison shows it: the last part of any path, printable characters only, at most 200 characters.</summary>
    public static string CleanName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var printable = new string(last.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim().TrimStart('.');
        if (printable.Length > MaxNameLength)
        {
            var extension = Path.GetExtension(printable);
            printable = printable[..(MaxNameLength - extension.Length)] + extension;
        }
        return printable.Length == 0 ? "attachment" : printable;
    }

    /// <summary>The file checked, or the reason it is refused (one sentence for the person).</summary>
    public static (CheckedFile? File, string? Error) Check(string? fileName, byte[] content)
    {
        var name = CleanName(fileName);
        if (content.Length == 0)
            return (null, "The file is empty.");
        if (content.Length > MaxBytes)
            return (null, TooLargeMessage);
        if (!Extensions.TryGetValue(Path.GetExtension(name), out var expected))
            return (null, $"Attach a {Accepted} file; \"{Path.GetExtension(name)}\" files are not accepted.");
        var actual = Recognise(content);
        if (actual != expected.Kind)
            return (null, actual is null
                ? $"The file's content is not a {Accepted} file, whatever its name says."
                : $"The file's content does not match its name ({Path.GetExtension(name)}).");
        return (new CheckedFile(name, expected.ContentType, expected.Kind, content, Convert.ToHexStringLower(SHA256.HashData(content))), null);
    }

    private static string? Recognise(byte[] c)
    {
        if (c.AsSpan().StartsWith("%PDF-"u8) && c.AsSpan(Math.Max(0, c.Length - 1024)).IndexOf("%%EOF"u8) >= 0)
            return "pdf";
        if (c.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) && c.Length > 16 && c.AsSpan(12, 4).SequenceEqual("IHDR"u8))
            return "png";
        if (c.Length > 4 && c[0] == 0xFF && c[1] == 0xD8 && c[2] == 0xFF && c[^2] == 0xFF && c[^1] == 0xD9)
            return "jpeg";
        if (c.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
            return "legacy";
        if (c.AsSpan().StartsWith("PK\x03\x04"u8))
            return OfficePackage(c);
        return null;
    }

    /// <summary>Which Office package a ZIP is (word, excel, powerpoint), or null when it is none or breaks the limits.</summary>
    private static string? OfficePackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
                return null;
            long expanded = 0;
            foreach (var entry in zip.Entries)
            {
                expanded += entry.Length;
                if (expanded > MaxExpandedBytes || (entry.Length > 1024 * 1024 && entry.Length > Math.Max(1, entry.CompressedLength) * MaxRatio))
                    return null;
            }
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > 1024 * 1024)
                return null;
            using (var reader = new StreamReader(types.Open()))
            {
                var text = reader.ReadToEnd();
                if (!text.Contains("<Types", StringComparison.Ordinal))
                    return null;
            }
            string? kind = zip.GetEntry("word/document.xml") is not null ? "word"
                : zip.GetEntry("xl/workbook.xml") is not null ? "excel"
                : zip.GetEntry("ppt/presentation.xml") is not null ? "powerpoint"
                : null;
            return kind;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

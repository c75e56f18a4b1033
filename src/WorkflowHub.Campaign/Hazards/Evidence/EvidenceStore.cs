using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace WorkflowHub.Campaign.Hazards.Evidence;

/// <summary>
/// Evidence files on disk at <c>&lt;EvidencePath&gt;/&lt;hazardId&gt;/&lt;sha256&gt;</c>: content-addressed, so an identical
/// upload is stored once and a stored file can be checked against its hash.
/// </summary>
public sealed class EvidenceStore(IOptions<EvidenceOptions> options)
{
    public sealed record StoredFile(string ContentType, string Extension, long Size, string Sha256, string RelativePath);

    public long MaxBytes => options.Value.MaxEvidenceBytes;

    private string Root => options.Value.FullEvidencePath.Length > 0 ? options.Value.FullEvidencePath : Path.GetFullPath(options.Value.EvidencePath);

    /// <summary>Copies the upload to a temporary file while hashing it, checks type and size, then moves it into place.</summary>
    /// <exception cref="EvidenceRejectedException">Too large, empty or not a JPEG, PNG or PDF.</exception>
    public async Task<StoredFile> SaveAsync(Guid hazardId, Stream content, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Root, hazardId.ToString("N"));
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".upload-{Guid.NewGuid():N}");
        try
        {
            long size = 0;
            var header = new byte[EvidenceKind.HeaderLength];
            var headerLength = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > MaxBytes)
                    {
                        throw new EvidenceRejectedException($"The file is larger than the {MaxBytes / (1024 * 1024)} MB limit.");
                    }

                    var take = Math.Min(read, header.Length - headerLength);
                    if (take > 0)
                    {
                        Array.Copy(buffer, 0, header, headerLength, take);
                        headerLength += take;
                    }

                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (size == 0)
            {
                throw new EvidenceRejectedException("The file is empty.");
            }

            var kind = EvidenceKind.Sniff(header.AsSpan(0, headerLength))
                ?? throw new EvidenceRejectedException("Only JPEG and PNG images and PDF documents are accepted as evidence.");
            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            var final = Path.Combine(folder, sha256);
            if (File.Exists(final))
            {
                File.Delete(temporary);
            }
            else
            {
                File.Move(temporary, final);
            }

            return new StoredFile(kind.ContentType, kind.Extension, size, sha256, Path.GetRelativePath(Root, final));
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Opens a stored file for reading, or null when it is gone.</summary>
    public Stream? OpenRead(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!full.StartsWith(Path.GetFullPath(Root), StringComparison.Ordinal) || !File.Exists(full))
        {
            return null;
        }

        return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
    }
}

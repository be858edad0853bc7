using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using FuseWire.Transcripts;
using Xunit;

namespace FuseWire.Tests.Transcripts;

/// <summary>FuseWire's transcripts against another pcapng implementation (Wireshark's tools): they open FuseWire's files, and
/// FuseWire reads theirs.</summary>
public sealed class ForeignToolTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fusewire-transcripts-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static byte[] Frame(int length, int seed)
    {
        byte[] frame = new byte[length];
        new Random(seed).NextBytes(frame);
        return frame;
    }

    /// <summary>Two connections, frames of assorted lengths (one cut to 100 bytes, one longer than Wireshark's limit, cut to
    /// it by the writer's <see cref="FuseTranscriptWriter.MaxCapturedLength"/>), alternating directions.</summary>
    private string WriteTranscript(string name, out List<(int Interface, FuseFrameDirection Direction, byte[] Frame, long Timestamp, int Captured)> frames)
    {
        frames = [];
        string path = PathOf(name);
        using FuseTranscriptWriter writer = new(File.Create(path)) { MaxCapturedLength = FuseTranscriptWriter.PortableCapturedLength };
        int mount = writer.AddInterface("/mnt/fuse");
        int socket = writer.AddInterface("socket:[4242]");
        int[] lengths = [40, 16, 41, 80 + 4096, 144, 300_000, 0, 3];
        for (int i = 0; i < lengths.Length; i++)
        {
            int captured = i == 3 ? 100 : i == 5 ? FuseTranscriptWriter.PortableCapturedLength : -1;
            (int, FuseFrameDirection, byte[], long, int) frame = (i % 3 == 2 ? socket : mount, i % 2 == 0 ? FuseFrameDirection.Request : FuseFrameDirection.Reply, Frame(lengths[i], i), 1_700_000_000_000_000_001L + (i * 1_234_567_891L), captured);
            writer.Write(frame.Item1, frame.Item2, frame.Item3, frame.Item4, i == 3 ? captured : -1);
            frames.Add(frame);
        }

        return path;
    }

    private static string EpochSeconds(long nanoseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000_000_000}.{nanoseconds % 1_000_000_000:D9}");

    [SkippableFact]
    public void Tshark_and_capinfos_open_a_FuseWire_transcript()
    {
        CaptureTools.Require("tshark", "capinfos");
        string path = WriteTranscript("ours.pcapng", out List<(int Interface, FuseFrameDirection Direction, byte[] Frame, long Timestamp, int Captured)> written);

        List<string[]> rows = CaptureTools.TsharkFields(path);

        Assert.Equal(written.Count, rows.Count);
        string[] names = ["/mnt/fuse", "socket:[4242]"];
        for (int i = 0; i < written.Count; i++)
        {
            int captured = written[i].Captured < 0 ? written[i].Frame.Length : written[i].Captured;
            string[] expected = [(i + 1).ToString(CultureInfo.InvariantCulture), written[i].Frame.Length.ToString(CultureInfo.InvariantCulture), captured.ToString(CultureInfo.InvariantCulture), EpochSeconds(written[i].Timestamp), names[written[i].Interface], $"0x{(int)written[i].Direction:x8}"];
            Assert.Equal(expected, rows[i]);
        }

        string info = CaptureTools.Run("capinfos", "-M", path);
        Assert.Contains("File type:           pcapng", info, StringComparison.Ordinal);
        Assert.Contains("File encapsulation:  user0", info, StringComparison.Ordinal);
        Assert.Contains($"Number of packets:   {written.Count}", info, StringComparison.Ordinal);
        Assert.Contains("Capture application: FuseWire", info, StringComparison.Ordinal);
        Assert.Contains("Number of interfaces in file: 2", info, StringComparison.Ordinal);
        Assert.Contains("Time resolution = 0x09", info, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_transcript_rewritten_by_editcap_reads_back_the_same()
    {
        CaptureTools.Require("editcap");
        string path = WriteTranscript("ours.pcapng", out List<(int Interface, FuseFrameDirection Direction, byte[] Frame, long Timestamp, int Captured)> written);
        string rewritten = PathOf("editcap.pcapng");

        // Rewritten by libwiretap, with packet comments (an option FuseWire does not write) on two frames.
        _ = CaptureTools.Run("editcap", "-F", "pcapng", "-a", "1:a comment from editcap", "-a", "6:another, on the long frame", path, rewritten);
        Assert.True(new FileInfo(rewritten).Length > new FileInfo(path).Length, "editcap added no comments");

        List<TranscriptFrame> read = Transcript.ReadAll(File.OpenRead(rewritten), null, out IReadOnlyList<FuseTranscriptInterface> interfaces);

        Assert.Equal(["/mnt/fuse", "socket:[4242]"], [interfaces[0].Name, interfaces[1].Name]);
        Assert.Equal(written.Count, read.Count);
        for (int i = 0; i < written.Count; i++)
        {
            int captured = written[i].Captured < 0 ? written[i].Frame.Length : written[i].Captured;
            Assert.Equal((written[i].Interface, written[i].Direction, written[i].Timestamp, written[i].Frame.Length), (read[i].InterfaceId, read[i].Direction, read[i].TimestampNanoseconds, read[i].OriginalLength));
            Assert.Equal(written[i].Frame.AsSpan(0, captured).ToArray(), read[i].Frame);
        }
    }

    [SkippableFact]
    public void Editcap_snapping_frames_short_makes_them_read_as_truncated()
    {
        CaptureTools.Require("editcap");
        string path = WriteTranscript("ours.pcapng", out List<(int Interface, FuseFrameDirection Direction, byte[] Frame, long Timestamp, int Captured)> written);
        string snapped = PathOf("snapped.pcapng");
        _ = CaptureTools.Run("editcap", "-s", "64", path, snapped);

        List<TranscriptFrame> read = Transcript.ReadAll(File.ReadAllBytes(snapped));

        Assert.Equal(written.Count, read.Count);
        for (int i = 0; i < written.Count; i++)
        {
            int kept = Math.Min(64, written[i].Captured < 0 ? written[i].Frame.Length : written[i].Captured);
            Assert.Equal(written[i].Frame.AsSpan(0, kept).ToArray(), read[i].Frame);
            Assert.Equal(written[i].Frame.Length, read[i].OriginalLength);
            Assert.Equal(written[i].Frame.Length > 64, read[i].IsTruncated);
        }
    }

    [SkippableFact]
    public void Mergecap_merges_two_transcripts_into_one_readable_section()
    {
        CaptureTools.Require("mergecap");
        string first = WriteTranscript("first.pcapng", out List<(int Interface, FuseFrameDirection Direction, byte[] Frame, long Timestamp, int Captured)> written);
        string second = PathOf("second.pcapng");
        using (FuseTranscriptWriter writer = new(File.Create(second)))
        {
            int id = writer.AddInterface("/mnt/other");
            writer.Write(id, FuseFrameDirection.Reply, Frame(24, 99), written[1].Timestamp + 1);
        }

        string merged = PathOf("merged.pcapng");
        _ = CaptureTools.Run("mergecap", "-w", merged, first, second);

        List<TranscriptFrame> read = Transcript.ReadAll(File.OpenRead(merged), null, out IReadOnlyList<FuseTranscriptInterface> interfaces);

        Assert.Equal(written.Count + 1, read.Count);
        Assert.Contains(interfaces, i => i.Name == "/mnt/other");
        TranscriptFrame other = read[2];
        Assert.Equal("/mnt/other", interfaces[other.InterfaceId].Name);
        Assert.Equal((FuseFrameDirection.Reply, written[1].Timestamp + 1), (other.Direction, other.TimestampNanoseconds));
        Assert.Equal(Frame(24, 99), other.Frame);
    }

    [SkippableFact]
    public void A_pcapng_made_by_text2pcap_from_a_hex_dump_reads_as_the_frames_dumped()
    {
        CaptureTools.Require("text2pcap");
        (FuseFrameDirection Direction, byte[] Frame, string Time, long Nanoseconds)[] dumped =
        [
            (FuseFrameDirection.Request, Frame(56, 1), "2023-11-14T22:13:20.123456789", 1_700_000_000_123_456_789L),
            (FuseFrameDirection.Reply, Frame(144, 2), "2023-11-14T22:13:20.223456789", 1_700_000_000_223_456_789L),
            (FuseFrameDirection.Request, Frame(4177, 3), "2023-11-14T22:13:21.000000001", 1_700_000_001_000_000_001L),
        ];
        StringBuilder text = new();
        foreach ((FuseFrameDirection direction, byte[] frame, string time, _) in dumped)
        {
            text.Append(direction == FuseFrameDirection.Request ? 'I' : 'O').Append(' ').Append(time).Append('\n');
            for (int offset = 0; offset < frame.Length; offset += 16)
            {
                text.Append(CultureInfo.InvariantCulture, $"{offset:x6} ");
                for (int i = offset; i < Math.Min(offset + 16, frame.Length); i++)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {frame[i]:x2}");
                }

                text.Append('\n');
            }
        }

        string dump = PathOf("frames.txt");
        File.WriteAllText(dump, text.ToString());
        string made = PathOf("text2pcap.pcapng");
        _ = CaptureTools.Run("text2pcap", "-q", "-D", "-t", "%Y-%m-%dT%H:%M:%S.%f", "-l", "147", "-N", "fuse-from-text", dump, made);

        List<TranscriptFrame> read = Transcript.ReadAll(File.OpenRead(made), null, out IReadOnlyList<FuseTranscriptInterface> interfaces);

        FuseTranscriptInterface connection = Assert.Single(interfaces);
        Assert.Equal(("fuse-from-text", (ushort)147), (connection.Name, connection.LinkType));
        Assert.Equal(dumped.Length, read.Count);
        for (int i = 0; i < dumped.Length; i++)
        {
            Assert.Equal((dumped[i].Direction, false, dumped[i].Nanoseconds), (read[i].Direction, read[i].DirectionGuessed, read[i].TimestampNanoseconds));
            Assert.Equal(dumped[i].Frame, read[i].Frame);
            Assert.False(read[i].IsTruncated);
        }
    }
}

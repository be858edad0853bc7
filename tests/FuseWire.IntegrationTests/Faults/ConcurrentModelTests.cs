using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace FuseWire.IntegrationTests.Faults;

/// <summary>
/// Two threads run 1000 mixed operations each on shared files and directories; a model kept beside them (each slot under
/// its own lock, renames taking both slots' locks in order) must match the mount byte for byte, during the run and after.
/// </summary>
public sealed class ConcurrentModelTests
{
    private const int Threads = 2;
    private const int OperationsPerThread = 1000;
    private const int FileSlots = 8;
    private const int DirectorySlots = 4;
    private const int MaxSize = 300_000;

    [SkippableFact]
    public void Two_threads_of_mixed_operations_leave_exactly_the_model()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        using MemFsMount fs = new();
        string root = fs.NewDirectory("model");
        Model model = new(root);

        Task[] workers = Enumerable.Range(0, Threads)
            .Select(t => Task.Factory.StartNew(() => model.Run(new Random(7100 + t), OperationsPerThread), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        Assert.True(Task.WaitAll(workers, TimeSpan.FromSeconds(90)), "the operations did not finish in 90 s");

        model.VerifyAll();
        Assert.True(model.Operations.Values.Sum() == Threads * OperationsPerThread);
        Assert.All(Model.Kinds, kind => Assert.True(model.Operations.GetValueOrDefault(kind) > 50, $"too few {kind} operations ran"));
        fs.AssertHealthy();
    }

    /// <summary>The expected state: for each file slot its content (null: absent), for each directory slot whether it exists.</summary>
    private sealed class Model(string root)
    {
        public static readonly string[] Kinds = ["create", "write", "read", "truncate", "rename", "unlink", "mkdir", "rmdir"];

        private readonly byte[]?[] _files = new byte[]?[FileSlots];
        private readonly bool[] _directories = new bool[DirectorySlots];
        private readonly object[] _fileLocks = Enumerable.Range(0, FileSlots).Select(static _ => new object()).ToArray();
        private readonly object[] _directoryLocks = Enumerable.Range(0, DirectorySlots).Select(static _ => new object()).ToArray();

        public System.Collections.Concurrent.ConcurrentDictionary<string, int> Operations { get; } = new();

        private string FilePath(int slot) => Path.Combine(root, "f" + slot);

        private string DirectoryPath(int slot) => Path.Combine(root, "d" + slot);

        public void Run(Random random, int count)
        {
            for (int i = 0; i < count; i++)
            {
                string kind = Kinds[random.Next(Kinds.Length)];
                int slot = random.Next(kind is "mkdir" or "rmdir" ? DirectorySlots : FileSlots);
                switch (kind)
                {
                    case "rename":
                        Rename(slot, random.Next(FileSlots));
                        break;
                    case "mkdir" or "rmdir":
                        lock (_directoryLocks[slot])
                        {
                            DirectoryOperation(kind, slot, random);
                        }

                        break;
                    default:
                        lock (_fileLocks[slot])
                        {
                            FileOperation(kind, slot, random);
                        }

                        break;
                }

                _ = Operations.AddOrUpdate(kind, 1, static (_, n) => n + 1);
            }
        }

        private void FileOperation(string kind, int slot, Random random)
        {
            string path = FilePath(slot);
            byte[]? content = _files[slot];
            switch (kind)
            {
                case "create":
                    // O_CREAT|O_EXCL: EEXIST when the slot holds a file.
                    try
                    {
                        using SafeFileHandle created = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite);
                        Assert.Null(content);
                        _files[slot] = [];
                    }
                    catch (IOException e) when (e.HResult == Errno.EEXIST)
                    {
                        Assert.NotNull(content);
                    }

                    break;
                case "write" when content is not null:
                    {
                        int offset = random.Next(MaxSize);
                        byte[] data = new byte[random.Next(1, 70_000)];
                        random.NextBytes(data);
                        using (SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write))
                        {
                            RandomAccess.Write(handle, data, offset);
                        }

                        byte[] grown = content.Length >= offset + data.Length ? content : new byte[offset + data.Length];
                        content.CopyTo(grown, 0);
                        data.CopyTo(grown, offset);
                        _files[slot] = grown;
                        break;
                    }

                case "read" when content is not null:
                    {
                        int offset = random.Next(content.Length + 10);
                        byte[] buffer = new byte[random.Next(1, 100_000)];
                        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
                        int total = 0, read;
                        while (total < buffer.Length && (read = RandomAccess.Read(handle, buffer.AsSpan(total), offset + total)) > 0)
                        {
                            total += read;
                        }

                        int expected = Math.Clamp(content.Length - offset, 0, buffer.Length);
                        Assert.Equal(expected, total);
                        Assert.True(buffer.AsSpan(0, total).SequenceEqual(content.AsSpan(Math.Min(offset, content.Length), expected)), $"{path}: bytes differ at {offset}+{total}");
                        break;
                    }

                case "truncate" when content is not null:
                    {
                        int size = random.Next(MaxSize);
                        using (SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write))
                        {
                            RandomAccess.SetLength(handle, size);
                        }

                        byte[] resized = new byte[size];
                        content.AsSpan(0, Math.Min(size, content.Length)).CopyTo(resized);
                        _files[slot] = resized;
                        break;
                    }

                case "unlink":
                    if (content is null)
                    {
                        Assert.False(File.Exists(path));
                    }
                    else
                    {
                        File.Delete(path);
                        _files[slot] = null;
                    }

                    break;
                default:
                    // write, read or truncate of an absent file: it must be absent.
                    Assert.Throws<FileNotFoundException>(() => File.OpenHandle(path, FileMode.Open, FileAccess.Read).Dispose());
                    break;
            }
        }

        private void Rename(int from, int to)
        {
            int first = Math.Min(from, to), second = Math.Max(from, to);
            lock (_fileLocks[first])
            {
                lock (_fileLocks[second])
                {
                    byte[]? content = _files[from];
                    int result = NativeMethods.Rename(FilePath(from), FilePath(to), 0);
                    if (content is null)
                    {
                        Assert.Equal(Errno.ENOENT, result);
                        return;
                    }

                    Assert.Equal(0, result);
                    if (from != to)
                    {
                        _files[to] = content;
                        _files[from] = null;
                    }
                }
            }
        }

        private void DirectoryOperation(string kind, int slot, Random random)
        {
            string path = DirectoryPath(slot);
            if (kind == "mkdir")
            {
                bool existed = _directories[slot];
                _ = Directory.CreateDirectory(path); // no error when it exists
                File.WriteAllBytes(Path.Combine(path, "inner"), TestData.Bytes(random.Next(10_000), slot));
                _directories[slot] = true;
                Assert.True(existed || Directory.GetFileSystemEntries(path).Length == 1);
                return;
            }

            if (_directories[slot])
            {
                Assert.Throws<IOException>(() => Directory.Delete(path)); // ENOTEMPTY: "inner" is there
                File.Delete(Path.Combine(path, "inner"));
                Directory.Delete(path);
                _directories[slot] = false;
            }
            else
            {
                Assert.Throws<DirectoryNotFoundException>(() => Directory.Delete(path));
            }
        }

        /// <summary>After the run: the directory lists exactly the model's names and every file holds exactly its bytes.</summary>
        public void VerifyAll()
        {
            List<string> expected = [];
            for (int slot = 0; slot < FileSlots; slot++)
            {
                if (_files[slot] is { } content)
                {
                    expected.Add("f" + slot);
                    Assert.Equal(content.Length, new FileInfo(FilePath(slot)).Length);
                    Assert.True(File.ReadAllBytes(FilePath(slot)).AsSpan().SequenceEqual(content), $"f{slot} differs from the model");
                }
            }

            for (int slot = 0; slot < DirectorySlots; slot++)
            {
                if (_directories[slot])
                {
                    expected.Add("d" + slot);
                    Assert.Equal(new[] { "inner" }, Directory.GetFileSystemEntries(DirectoryPath(slot)).Select(static p => Path.GetFileName(p)));
                }
            }

            Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(root).Select(static p => Path.GetFileName(p)!).Order(StringComparer.Ordinal));
        }
    }
}

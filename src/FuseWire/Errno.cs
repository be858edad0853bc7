namespace FuseWire;

/// <summary>
/// Linux errno values (positive), for replies: <c>FuseReplyWriter.WriteError(output, unique, Errno.ENOENT)</c>.
/// </summary>
/// <remarks>The values are Linux's (asm-generic/errno-base.h and errno.h); a FUSE reply carries them negated.</remarks>
#pragma warning disable CA1707 // the kernel's names
public static class Errno
{
    /// <summary><c>EPERM</c> (1).</summary>
    public const int EPERM = 1;

    /// <summary><c>ENOENT</c> (2).</summary>
    public const int ENOENT = 2;

    /// <summary><c>ESRCH</c> (3).</summary>
    public const int ESRCH = 3;

    /// <summary><c>EINTR</c> (4).</summary>
    public const int EINTR = 4;

    /// <summary><c>EIO</c> (5).</summary>
    public const int EIO = 5;

    /// <summary><c>ENXIO</c> (6).</summary>
    public const int ENXIO = 6;

    /// <summary><c>E2BIG</c> (7).</summary>
    public const int E2BIG = 7;

    /// <summary><c>ENOEXEC</c> (8).</summary>
    public const int ENOEXEC = 8;

    /// <summary><c>EBADF</c> (9).</summary>
    public const int EBADF = 9;

    /// <summary><c>ECHILD</c> (10).</summary>
    public const int ECHILD = 10;

    /// <summary><c>EAGAIN</c> (11).</summary>
    public const int EAGAIN = 11;

    /// <summary><c>ENOMEM</c> (12).</summary>
    public const int ENOMEM = 12;

    /// <summary><c>EACCES</c> (13).</summary>
    public const int EACCES = 13;

    /// <summary><c>EFAULT</c> (14).</summary>
    public const int EFAULT = 14;

    /// <summary><c>ENOTBLK</c> (15).</summary>
    public const int ENOTBLK = 15;

    /// <summary><c>EBUSY</c> (16).</summary>
    public const int EBUSY = 16;

    /// <summary><c>EEXIST</c> (17).</summary>
    public const int EEXIST = 17;

    /// <summary><c>EXDEV</c> (18).</summary>
    public const int EXDEV = 18;

    /// <summary><c>ENODEV</c> (19).</summary>
    public const int ENODEV = 19;

    /// <summary><c>ENOTDIR</c> (20).</summary>
    public const int ENOTDIR = 20;

    /// <summary><c>EISDIR</c> (21).</summary>
    public const int EISDIR = 21;

    /// <summary><c>EINVAL</c> (22).</summary>
    public const int EINVAL = 22;

    /// <summary><c>ENFILE</c> (23).</summary>
    public const int ENFILE = 23;

    /// <summary><c>EMFILE</c> (24).</summary>
    public const int EMFILE = 24;

    /// <summary><c>ENOTTY</c> (25).</summary>
    public const int ENOTTY = 25;

    /// <summary><c>ETXTBSY</c> (26).</summary>
    public const int ETXTBSY = 26;

    /// <summary><c>EFBIG</c> (27).</summary>
    public const int EFBIG = 27;

    /// <summary><c>ENOSPC</c> (28).</summary>
    public const int ENOSPC = 28;

    /// <summary><c>ESPIPE</c> (29).</summary>
    public const int ESPIPE = 29;

    /// <summary><c>EROFS</c> (30).</summary>
    public const int EROFS = 30;

    /// <summary><c>EMLINK</c> (31).</summary>
    public const int EMLINK = 31;

    /// <summary><c>EPIPE</c> (32).</summary>
    public const int EPIPE = 32;

    /// <summary><c>EDOM</c> (33).</summary>
    public const int EDOM = 33;

    /// <summary><c>ERANGE</c> (34).</summary>
    public const int ERANGE = 34;

    /// <summary><c>EDEADLK</c> (35).</summary>
    public const int EDEADLK = 35;

    /// <summary><c>ENAMETOOLONG</c> (36).</summary>
    public const int ENAMETOOLONG = 36;

    /// <summary><c>ENOLCK</c> (37).</summary>
    public const int ENOLCK = 37;

    /// <summary><c>ENOSYS</c> (38).</summary>
    public const int ENOSYS = 38;

    /// <summary><c>ENOTEMPTY</c> (39).</summary>
    public const int ENOTEMPTY = 39;

    /// <summary><c>ELOOP</c> (40).</summary>
    public const int ELOOP = 40;

    /// <summary><c>ENOMSG</c> (42).</summary>
    public const int ENOMSG = 42;

    /// <summary><c>EIDRM</c> (43).</summary>
    public const int EIDRM = 43;

    /// <summary><c>ECHRNG</c> (44).</summary>
    public const int ECHRNG = 44;

    /// <summary><c>EL2NSYNC</c> (45).</summary>
    public const int EL2NSYNC = 45;

    /// <summary><c>EL3HLT</c> (46).</summary>
    public const int EL3HLT = 46;

    /// <summary><c>EL3RST</c> (47).</summary>
    public const int EL3RST = 47;

    /// <summary><c>ELNRNG</c> (48).</summary>
    public const int ELNRNG = 48;

    /// <summary><c>EUNATCH</c> (49).</summary>
    public const int EUNATCH = 49;

    /// <summary><c>ENOCSI</c> (50).</summary>
    public const int ENOCSI = 50;

    /// <summary><c>EL2HLT</c> (51).</summary>
    public const int EL2HLT = 51;

    /// <summary><c>EBADE</c> (52).</summary>
    public const int EBADE = 52;

    /// <summary><c>EBADR</c> (53).</summary>
    public const int EBADR = 53;

    /// <summary><c>EXFULL</c> (54).</summary>
    public const int EXFULL = 54;

    /// <summary><c>ENOANO</c> (55).</summary>
    public const int ENOANO = 55;

    /// <summary><c>EBADRQC</c> (56).</summary>
    public const int EBADRQC = 56;

    /// <summary><c>EBADSLT</c> (57).</summary>
    public const int EBADSLT = 57;

    /// <summary><c>EBFONT</c> (59).</summary>
    public const int EBFONT = 59;

    /// <summary><c>ENOSTR</c> (60).</summary>
    public const int ENOSTR = 60;

    /// <summary><c>ENODATA</c> (61).</summary>
    public const int ENODATA = 61;

    /// <summary><c>ETIME</c> (62).</summary>
    public const int ETIME = 62;

    /// <summary><c>ENOSR</c> (63).</summary>
    public const int ENOSR = 63;

    /// <summary><c>ENONET</c> (64).</summary>
    public const int ENONET = 64;

    /// <summary><c>ENOPKG</c> (65).</summary>
    public const int ENOPKG = 65;

    /// <summary><c>EREMOTE</c> (66).</summary>
    public const int EREMOTE = 66;

    /// <summary><c>ENOLINK</c> (67).</summary>
    public const int ENOLINK = 67;

    /// <summary><c>EADV</c> (68).</summary>
    public const int EADV = 68;

    /// <summary><c>ESRMNT</c> (69).</summary>
    public const int ESRMNT = 69;

    /// <summary><c>ECOMM</c> (70).</summary>
    public const int ECOMM = 70;

    /// <summary><c>EPROTO</c> (71).</summary>
    public const int EPROTO = 71;

    /// <summary><c>EMULTIHOP</c> (72).</summary>
    public const int EMULTIHOP = 72;

    /// <summary><c>EDOTDOT</c> (73).</summary>
    public const int EDOTDOT = 73;

    /// <summary><c>EBADMSG</c> (74).</summary>
    public const int EBADMSG = 74;

    /// <summary><c>EOVERFLOW</c> (75).</summary>
    public const int EOVERFLOW = 75;

    /// <summary><c>ENOTUNIQ</c> (76).</summary>
    public const int ENOTUNIQ = 76;

    /// <summary><c>EBADFD</c> (77).</summary>
    public const int EBADFD = 77;

    /// <summary><c>EREMCHG</c> (78).</summary>
    public const int EREMCHG = 78;

    /// <summary><c>ELIBACC</c> (79).</summary>
    public const int ELIBACC = 79;

    /// <summary><c>ELIBBAD</c> (80).</summary>
    public const int ELIBBAD = 80;

    /// <summary><c>ELIBSCN</c> (81).</summary>
    public const int ELIBSCN = 81;

    /// <summary><c>ELIBMAX</c> (82).</summary>
    public const int ELIBMAX = 82;

    /// <summary><c>ELIBEXEC</c> (83).</summary>
    public const int ELIBEXEC = 83;

    /// <summary><c>EILSEQ</c> (84).</summary>
    public const int EILSEQ = 84;

    /// <summary><c>ERESTART</c> (85).</summary>
    public const int ERESTART = 85;

    /// <summary><c>ESTRPIPE</c> (86).</summary>
    public const int ESTRPIPE = 86;

    /// <summary><c>EUSERS</c> (87).</summary>
    public const int EUSERS = 87;

    /// <summary><c>ENOTSOCK</c> (88).</summary>
    public const int ENOTSOCK = 88;

    /// <summary><c>EDESTADDRREQ</c> (89).</summary>
    public const int EDESTADDRREQ = 89;

    /// <summary><c>EMSGSIZE</c> (90).</summary>
    public const int EMSGSIZE = 90;

    /// <summary><c>EPROTOTYPE</c> (91).</summary>
    public const int EPROTOTYPE = 91;

    /// <summary><c>ENOPROTOOPT</c> (92).</summary>
    public const int ENOPROTOOPT = 92;

    /// <summary><c>EPROTONOSUPPORT</c> (93).</summary>
    public const int EPROTONOSUPPORT = 93;

    /// <summary><c>ESOCKTNOSUPPORT</c> (94).</summary>
    public const int ESOCKTNOSUPPORT = 94;

    /// <summary><c>EOPNOTSUPP</c> (95).</summary>
    public const int EOPNOTSUPP = 95;

    /// <summary><c>EPFNOSUPPORT</c> (96).</summary>
    public const int EPFNOSUPPORT = 96;

    /// <summary><c>EAFNOSUPPORT</c> (97).</summary>
    public const int EAFNOSUPPORT = 97;

    /// <summary><c>EADDRINUSE</c> (98).</summary>
    public const int EADDRINUSE = 98;

    /// <summary><c>EADDRNOTAVAIL</c> (99).</summary>
    public const int EADDRNOTAVAIL = 99;

    /// <summary><c>ENETDOWN</c> (100).</summary>
    public const int ENETDOWN = 100;

    /// <summary><c>ENETUNREACH</c> (101).</summary>
    public const int ENETUNREACH = 101;

    /// <summary><c>ENETRESET</c> (102).</summary>
    public const int ENETRESET = 102;

    /// <summary><c>ECONNABORTED</c> (103).</summary>
    public const int ECONNABORTED = 103;

    /// <summary><c>ECONNRESET</c> (104).</summary>
    public const int ECONNRESET = 104;

    /// <summary><c>ENOBUFS</c> (105).</summary>
    public const int ENOBUFS = 105;

    /// <summary><c>EISCONN</c> (106).</summary>
    public const int EISCONN = 106;

    /// <summary><c>ENOTCONN</c> (107).</summary>
    public const int ENOTCONN = 107;

    /// <summary><c>ESHUTDOWN</c> (108).</summary>
    public const int ESHUTDOWN = 108;

    /// <summary><c>ETOOMANYREFS</c> (109).</summary>
    public const int ETOOMANYREFS = 109;

    /// <summary><c>ETIMEDOUT</c> (110).</summary>
    public const int ETIMEDOUT = 110;

    /// <summary><c>ECONNREFUSED</c> (111).</summary>
    public const int ECONNREFUSED = 111;

    /// <summary><c>EHOSTDOWN</c> (112).</summary>
    public const int EHOSTDOWN = 112;

    /// <summary><c>EHOSTUNREACH</c> (113).</summary>
    public const int EHOSTUNREACH = 113;

    /// <summary><c>EALREADY</c> (114).</summary>
    public const int EALREADY = 114;

    /// <summary><c>EINPROGRESS</c> (115).</summary>
    public const int EINPROGRESS = 115;

    /// <summary><c>ESTALE</c> (116).</summary>
    public const int ESTALE = 116;

    /// <summary><c>EUCLEAN</c> (117).</summary>
    public const int EUCLEAN = 117;

    /// <summary><c>ENOTNAM</c> (118).</summary>
    public const int ENOTNAM = 118;

    /// <summary><c>ENAVAIL</c> (119).</summary>
    public const int ENAVAIL = 119;

    /// <summary><c>EISNAM</c> (120).</summary>
    public const int EISNAM = 120;

    /// <summary><c>EREMOTEIO</c> (121).</summary>
    public const int EREMOTEIO = 121;

    /// <summary><c>EDQUOT</c> (122).</summary>
    public const int EDQUOT = 122;

    /// <summary><c>ENOMEDIUM</c> (123).</summary>
    public const int ENOMEDIUM = 123;

    /// <summary><c>EMEDIUMTYPE</c> (124).</summary>
    public const int EMEDIUMTYPE = 124;

    /// <summary><c>ECANCELED</c> (125).</summary>
    public const int ECANCELED = 125;

    /// <summary><c>ENOKEY</c> (126).</summary>
    public const int ENOKEY = 126;

    /// <summary><c>EKEYEXPIRED</c> (127).</summary>
    public const int EKEYEXPIRED = 127;

    /// <summary><c>EKEYREVOKED</c> (128).</summary>
    public const int EKEYREVOKED = 128;

    /// <summary><c>EKEYREJECTED</c> (129).</summary>
    public const int EKEYREJECTED = 129;

    /// <summary><c>EOWNERDEAD</c> (130).</summary>
    public const int EOWNERDEAD = 130;

    /// <summary><c>ENOTRECOVERABLE</c> (131).</summary>
    public const int ENOTRECOVERABLE = 131;

    /// <summary><c>ERFKILL</c> (132).</summary>
    public const int ERFKILL = 132;

    /// <summary><c>EHWPOISON</c> (133).</summary>
    public const int EHWPOISON = 133;
}
#pragma warning restore CA1707

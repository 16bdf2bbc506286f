package dev.heed.checker.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelocationsTest {
  @ParameterizedTest
  @CsvSource({
    "io.netty.channel.ChannelFuture, io.netty.channel.ChannelFuture, true",
    "org.apache.ratis.thirdparty.io.netty.channel.ChannelFuture, io.netty.channel.ChannelFuture,"
        + " true",
    "shaded.reactor.core.publisher.Mono, reactor.core.publisher.Mono, true",
    "io.netty.channel.ChannelFutures, io.netty.channel.ChannelFuture, false",
    "app.xio.netty.channel.ChannelFuture, io.netty.channel.ChannelFuture, false",
    "Outer.io.netty.channel.ChannelFuture, io.netty.channel.ChannelFuture, false",
    "a..io.netty.channel.ChannelFuture, io.netty.channel.ChannelFuture, false",
    ".io.netty.channel.ChannelFuture, io.netty.channel.ChannelFuture, false",
    "netty.channel.ChannelFuture, io.netty.channel.ChannelFuture, false",
    "java.lang.Object, java.lang.Object, true",
  })
  void aRelocatedNameIsTheName(String actual, String catalogued, boolean same) {
    assertEquals(same, Relocations.sameName(actual, catalogued));
  }

  @ParameterizedTest
  @CsvSource({"true, x.java.nio.ByteBuffer", "false, java.nio.ByteBuffers"})
  void parameterListsMatchPerName(boolean same, String parameter) {
    assertEquals(
        same,
        Relocations.sameNames(List.of("int", parameter), List.of("int", "java.nio.ByteBuffer")));
  }
}
